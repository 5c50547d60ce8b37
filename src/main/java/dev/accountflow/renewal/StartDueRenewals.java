package dev.accountflow.renewal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * renewal-kickoff's Task_FindDueRenewals: splits the subscriptions that entered the window into batches; each
 * batch becomes a job of its own (Task_StartRenewalBatch), so several nodes share the run.
 */
@Component("renewalKickoff")
class StartDueRenewals implements JavaDelegate {

    // a batch travels as one text variable: 100 ids of 36 characters stay within the engine's 4,000
    static final int BATCH_SIZE = 100;

    private final RenewalWindow window;
    private final KickoffRuns runs;

    StartDueRenewals(RenewalWindow window, KickoffRuns runs) {
        this.window = window;
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
        List<String> due = window.dueSubscriptionIds(today);
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < due.size(); from += BATCH_SIZE) {
            batches.add(String.join(",", due.subList(from, Math.min(due.size(), from + BATCH_SIZE))));
        }
        runs.open(execution.getProcessInstanceId(), due.size());
        execution.setVariable("due", due.size());
        // transient: the batch list only feeds the multi-instance; each batch is stored with its own job
        execution.setVariable("dueBatches", Variables.objectValue(batches, true).create());
    }
}
