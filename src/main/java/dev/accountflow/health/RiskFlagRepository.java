package dev.accountflow.health;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RiskFlagRepository extends JpaRepository<RiskFlag, String> {

    List<RiskFlag> findByAccountIdOrderByRaisedAtDesc(String accountId);

    List<RiskFlag> findByAccountIdAndResolvedAtIsNull(String accountId);

    // a sweep batch's open flags in one statement: the accounts after one id up to another
    List<RiskFlag> findByAccountIdGreaterThanAndAccountIdLessThanEqualAndResolvedAtIsNull(String afterId, String lastId);

    List<RiskFlag> findByAccountIdLessThanEqualAndResolvedAtIsNull(String lastId);
}
