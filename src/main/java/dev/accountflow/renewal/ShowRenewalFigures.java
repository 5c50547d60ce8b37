package dev.accountflow.renewal;

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

    @Override
    public void notify(DelegateTask task) {
        task.setVariablesLocal(renewals.taskFigures(task.getProcessInstanceId(),
                task.getExecution().getProcessBusinessKey()));
    }
}
