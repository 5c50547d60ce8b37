package dev.accountflow.renewal;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** As a renewal task is created, the server fills its read-only figures (ARR, end date, the quote) from the database. */
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
        task.setVariablesLocal(renewals.taskFigures(task.getProcessInstanceId(),
                task.getExecution().getProcessBusinessKey(), SHOW_THE_QUOTE.contains(task.getTaskDefinitionKey())));
    }
}
