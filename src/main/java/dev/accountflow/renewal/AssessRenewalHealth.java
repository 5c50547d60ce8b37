package dev.accountflow.renewal;

import dev.accountflow.health.HealthCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AssessHealth: the health rules look at the account as its renewal starts. */
@Component
class AssessRenewalHealth implements JavaDelegate {

    private final RenewalService renewals;

    AssessRenewalHealth(RenewalService renewals) {
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HealthCheck check = renewals.assessAtStart(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
        execution.setVariable("atRisk", check.atRisk());
        execution.setVariable("healthReasons", check.reasons());
    }
}
