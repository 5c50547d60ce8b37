package dev.accountflow.plan;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Tier;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every strategic account its account-plan-review cycle: at start and every morning, for strategic accounts
 * that have none yet. The cycle's row is inserted before the process starts, so two nodes never start two.
 */
@Component
public class PlanReviewCycles {

    public static final String PROCESS_KEY = "account-plan-review";
    private static final Logger log = LoggerFactory.getLogger(PlanReviewCycles.class);

    private final JdbcTemplate jdbc;
    private final AccountService accounts;
    private final PlanReviewCycleRepository cycles;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;

    PlanReviewCycles(JdbcTemplate jdbc, AccountService accounts, PlanReviewCycleRepository cycles,
                     RuntimeService runtime, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.cycles = cycles;
        this.runtime = runtime;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void atStart() {
        startMissingCycles();
    }

    @Scheduled(cron = "${accountflow.plans.cycle-check-cron:0 15 6 * * *}", zone = "UTC")
    public void everyMorning() {
        startMissingCycles();
    }

    /** Starts the cycles strategic accounts lack; returns how many started. */
    public int startMissingCycles() {
        List<String> missing = jdbc.queryForList("""
                select a.id from account a where a.tier = 'STRATEGIC'
                   and not exists (select 1 from plan_review_cycle c where c.account_id = a.id)
                 order by a.id""", String.class);
        int started = 0;
        for (String accountId : missing) {
            try {
                Boolean done = transaction.execute(status -> start(accountId));
                started += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (DataIntegrityViolationException e) {
                log.info("The plan review cycle of account {} was started elsewhere", accountId);
            }
        }
        if (started > 0) {
            log.info("Started {} account plan review cycle(s)", started);
        }
        return started;
    }

    /** Asked by the cycle each quarter: is the account still strategic? Read from the database, by the account id. */
    public boolean stillStrategic(String accountId) {
        return accountId != null && accounts.account(accountId).map(a -> a.getTier() == Tier.STRATEGIC).orElse(false);
    }

    /**
     * The cycle of an account that is no longer strategic ended: its row goes (in the engine's transaction), so the
     * account gets a new cycle if it becomes strategic again.
     */
    public void cycleEnded(String accountId) {
        if (accountId != null) {
            jdbc.update("delete from plan_review_cycle where account_id = ?", accountId);
            log.info("Account {} is no longer strategic; its plan review cycle ended", accountId);
        }
    }

    private boolean start(String accountId) {
        Account account = accounts.account(accountId).orElse(null);
        if (account == null) {
            return false;
        }
        PlanReviewCycle cycle = cycles.saveAndFlush(new PlanReviewCycle(accountId));
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        String id = runtime.startProcessInstanceByKey(PROCESS_KEY, accountId, Map.of("accountId", accountId,
                "accountName", account.getName(), "fiscalYear", year)).getId();
        cycle.attachProcess(id);
        return true;
    }
}
