package dev.accountflow.health;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RiskFlagRepository extends JpaRepository<RiskFlag, String> {

    List<RiskFlag> findByAccountIdOrderByRaisedAtDesc(String accountId);

    List<RiskFlag> findByAccountIdAndResolvedAtIsNull(String accountId);
}
