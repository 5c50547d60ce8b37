package dev.accountflow.renewal;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * As a renewal task is created, the server fills its read-only figures (ARR, end date, the quote) from the database,
 * and the renewal opportunity moves to the stage of that step.
 */
@Component
class ShowRenewalFigures implements TaskListener {

    private final RenewalService renewals;

    ShowRenewalFigures(RenewalService renewals) {
        this.renewals = renewals;
    }

    /** The tasks whose forms show the quote (and the manager's answer to it); the others need no look-up. */
    static final Set<String> SHOW_THE_QUOTE = Set.of("Task_PrepareQuote", "Task_ApproveDiscount", "Task_Negotiate");

    @Override
    public void notify(DelegateTask task) {
        String subscriptionId = task.getExecution().getProcessBusinessKey();
        task.setVariablesLocal(renewals.taskFigures(task.getProcessInstanceId(), subscriptionId,
                SHOW_THE_QUOTE.contains(task.getTaskDefinitionKey())));
        renewals.opportunityFollows(task.getProcessInstanceId(), subscriptionId, task.getTaskDefinitionKey());
    }
}
