package dev.accountflow.renewal;

import dev.accountflow.operations.BusinessEvents;
import dev.accountflow.operations.SalesMetrics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordOutcome: RENEWED / DOWNSOLD start the next term, CHURNED ends the subscription; the opportunity closes. */
@Component
class RecordRenewalOutcome implements JavaDelegate {

    private final RenewalService renewals;
    private final SalesMetrics metrics;

    RecordRenewalOutcome(RenewalService renewals, SalesMetrics metrics) {
        this.renewals = renewals;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        renewals.recordOutcome(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                ProcessVariables.text(execution, "outcome"), execution.getVariable("newArr"),
                ProcessVariables.text(execution, "churnReason"));
        metrics.renewalClosed(ProcessVariables.text(execution, "outcome"));
        BusinessEvents.record("renewal closed", execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                null, "outcome", ProcessVariables.text(execution, "outcome"));
    }
}
