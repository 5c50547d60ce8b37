package dev.accountflow.health;

import dev.accountflow.account.AccountPage;
import dev.accountflow.account.AccountPages;
import dev.accountflow.account.AccountRange;
import dev.accountflow.expansion.ExpansionSignals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * portfolio-health-sweep's Task_SweepBatch: one page of accounts (read once) through the health rules, then the expansion-signal
 * rules, flags, suggestions and tally in the job's transaction. A failure rolls all back and the engine retries the page.
 */
@Component("sweepBatch")
class SweepBatch implements JavaDelegate {

    private final HealthService health;
    private final SweepRuns runs;
    private final ExpansionSignals expansion;
    private final AccountPages pages;

    SweepBatch(HealthService health, SweepRuns runs, ExpansionSignals expansion, AccountPages pages) {
        this.pages = pages;
        this.health = health;
        this.runs = runs;
        this.expansion = expansion;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SweepAccounts.Batch batch = SweepAccounts.Batch.parse((String) execution.getVariableLocal(
                SweepAccounts.BATCH_VARIABLE));
        // the accounts, live subscriptions and latest signals are read once for both parts
        AccountPage page = pages.read(AccountRange.page(batch.afterId(), batch.lastId()));
        HealthService.SweepTally tally = health.assessBatch(page);
        expansion.assessBatch(page);
        // last: the run's tally row stays locked until this page commits, so the pages running at once wait for
        // each other only for that moment, not for a whole page's work
        runs.count(execution.getProcessInstanceId(), tally);
    }
}
