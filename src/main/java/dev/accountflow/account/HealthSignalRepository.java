package dev.accountflow.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface HealthSignalRepository extends JpaRepository<HealthSignal, String> {

    Optional<HealthSignal> findFirstByAccountIdOrderByRecordedAtDesc(String accountId);
}
