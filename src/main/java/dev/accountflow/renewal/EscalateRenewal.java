package dev.accountflow.renewal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyEscalation: the renewal is still open near its end date, so the sales managers hear of it. */
@Component
class EscalateRenewal implements JavaDelegate {

    private final RenewalService renewals;

    EscalateRenewal(RenewalService renewals) {
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        renewals.escalate(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    }
}
