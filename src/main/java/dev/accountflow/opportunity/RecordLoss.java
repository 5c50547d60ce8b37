package dev.accountflow.opportunity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordLoss: the deal closes lost with the account manager's reason. */
@Component
class RecordLoss implements JavaDelegate {

    private final OpportunityService opportunities;

    RecordLoss(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable("lossReason");
        opportunities.closeLost(execution.getProcessBusinessKey(),
                reason == null || reason.toString().isBlank() ? "No reason given" : reason.toString().strip());
    }
}
