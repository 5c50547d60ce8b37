package dev.accountflow.renewal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckOutcome: an outcome below the agreed quote goes back to a sales manager instead of closing. */
@Component
class CheckOutcomeAgainstQuote implements JavaDelegate {

    private final RenewalService renewals;

    CheckOutcomeAgainstQuote(RenewalService renewals) {
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean within = renewals.outcomeWithinQuote(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                ProcessVariables.text(execution, "outcome"), execution.getVariable("newArr"),
                ProcessVariables.text(execution, "churnReason"));
        execution.setVariable("outcomeWithinQuote", within);
        if (!within) {
            execution.setVariable("approvalRequired", true);
        }
    }
}
