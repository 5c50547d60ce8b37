package dev.accountflow.account;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TouchPointRepository extends JpaRepository<TouchPoint, String> {

    List<TouchPoint> findTop50ByAccountIdOrderByOccurredAtDesc(String accountId);
}
