package dev.accountflow.renewal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RenewalQuoteRepository extends JpaRepository<RenewalQuote, String> {

    Optional<RenewalQuote> findFirstByProcessInstanceIdOrderByCreatedAtDesc(String processInstanceId);
}
