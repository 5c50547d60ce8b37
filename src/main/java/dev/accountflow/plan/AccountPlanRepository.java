package dev.accountflow.plan;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountPlanRepository extends JpaRepository<AccountPlan, String> {

    Optional<AccountPlan> findByAccountIdAndFiscalYear(String accountId, int fiscalYear);
}
