package dev.accountflow.renewal;

import java.time.ZoneOffset;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Task_RemindOverdueTasks: the daily reminder timer nudges whoever holds an overdue renewal task. */
@Component
class RemindOverdueTasks implements JavaDelegate {

    private final RenewalService renewals;

    RemindOverdueTasks(RenewalService renewals) {
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
        renewals.remindOverdueTasks(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), today);
    }
}
