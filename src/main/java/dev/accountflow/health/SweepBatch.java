package dev.accountflow.health;

import dev.accountflow.expansion.ExpansionSignals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * portfolio-health-sweep's Task_SweepBatch: one page of accounts through the health rules, then the expansion-signal
 * rules, flags, suggestions and tally in the job's transaction. A failure rolls all back and the engine retries the page.
 */
@Component("sweepBatch")
class SweepBatch implements JavaDelegate {

    private final HealthService health;
    private final SweepRuns runs;
    private final ExpansionSignals expansion;

    SweepBatch(HealthService health, SweepRuns runs, ExpansionSignals expansion) {
        this.health = health;
        this.runs = runs;
        this.expansion = expansion;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SweepAccounts.Batch batch = SweepAccounts.Batch.parse((String) execution.getVariableLocal(
                SweepAccounts.BATCH_VARIABLE));
        runs.count(execution.getProcessInstanceId(), health.assessBatch(batch.afterId(), batch.lastId()));
        expansion.assessBatch(batch.afterId(), batch.lastId());
    }
}
