package dev.accountflow.renewal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordOutcome: RENEWED / DOWNSOLD / CHURNED goes back to the subscription and its opportunity. */
@Component
class RecordRenewalOutcome implements JavaDelegate {

    private final RenewalService renewals;

    RecordRenewalOutcome(RenewalService renewals) {
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        renewals.recordOutcome(ProcessVariables.text(execution, "subscriptionId"),
                ProcessVariables.text(execution, "opportunityId"), ProcessVariables.text(execution, "outcome"),
                ProcessVariables.number(execution, "newArr"), ProcessVariables.text(execution, "churnReason"));
    }
}
