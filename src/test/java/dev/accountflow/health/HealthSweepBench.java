package dev.accountflow.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.money.SalesDates;
import dev.accountflow.rules.AccountHealthFacts;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Not a test: `./mvnw -Pbench verify -Dit.test=HealthSweepBench` seeds 100,000 accounts with contacts, subscriptions
 * and usage signals on the local PostgreSQL, sweeps them through the API with the job executor on, and prints the
 * sweep's wall time next to the rules alone, a bare JDBC read of the same rows (the floor) and the Camunda-only way
 * (a process instance with a DMN decision per account) on a 2,000-account sample.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=true", "logging.level.dev.accountflow=WARN",
                "logging.level.org.camunda=WARN"})
class HealthSweepBench extends PostgresIT {

    private static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);
    private static final int DMN_SAMPLE = 2_000;

    @Autowired DataSource dataSource;
    @Autowired IdentityService identity;
    @Autowired HealthFacts facts;
    @Autowired RuleBook rules;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;

    @Test
    void sweepOf100000Accounts() throws Exception {
        TestUsers.ensure(identity);
        seed();
        double floor = bareRead();

        long begin = System.nanoTime();
        String runId = new ObjectMapper().readTree(post("/api/health/sweep", TestUsers.MAX, "").body())
                .get("runId").asText();
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                "DONE".equals(run(runId).get("status").asText()));
        double seconds = (System.nanoTime() - begin) / 1e9;
        JsonNode run = run(runId);

        List<AccountHealthFacts> book = facts.of(HealthFacts.Accounts.all(), SalesDates.today());
        long rulesBegin = System.nanoTime();
        book.forEach(rules::assessHealth);
        double rulesMicros = (System.nanoTime() - rulesBegin) / 1e3 / book.size();

        long secondBegin = System.nanoTime();
        String secondId = new ObjectMapper().readTree(post("/api/health/sweep", TestUsers.MAX, "").body())
                .get("runId").asText();
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                "DONE".equals(run(secondId).get("status").asText()));
        double secondSeconds = (System.nanoTime() - secondBegin) / 1e9;
        int sample = Math.min(DMN_SAMPLE, book.size());
        double dmnSeconds = camundaOnly(book.subList(0, sample));

        System.out.printf("%n=== Portfolio health sweep bench ===%n"
                        + "accounts in the book:                %,d%n"
                        + "first sweep end to end:              %.1f s = %.0f accounts/s (evaluated %d, raised %d, "
                        + "resolved %d, failed %d)%n"
                        + "second sweep (nothing changes):      %.1f s = %.0f accounts/s%n"
                        + "rules alone per account:             %.1f µs%n"
                        + "bare JDBC read of the same rows:     %.1f s (ratio first sweep / read %.1f, second %.1f)%n"
                        + "Camunda-only (process + DMN per account), %,d-account sample: %.1f s = %.0f accounts/s "
                        + "(per account %.0f× the first sweep, %.0f× the second)%n"
                        + "cores: %d, max heap: %d MB%n%n",
                run.get("accounts").asInt(), seconds, run.get("accounts").asInt() / seconds,
                run.get("evaluated").asInt(), run.get("raised").asInt(), run.get("resolved").asInt(),
                run.get("failed").asInt(), secondSeconds, run.get("accounts").asInt() / secondSeconds, rulesMicros,
                floor, seconds / floor, secondSeconds / floor, sample, dmnSeconds, sample / dmnSeconds,
                (dmnSeconds / sample) / (seconds / run.get("accounts").asInt()),
                (dmnSeconds / sample) / (secondSeconds / run.get("accounts").asInt()),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        assertThat(run.get("failed").asInt()).isZero();
    }

    /**
     * The way a Camunda-only shop would assess health: the same table as a DMN decision, a process instance per
     * account with the account's facts as variables (history as the application keeps it).
     */
    private double camundaOnly(List<AccountHealthFacts> sample) {
        repository.createDeployment().name("bench: health flags per account").addClasspathResource(
                "bench/health-flags.dmn").addClasspathResource("bench/health-flags-per-account.bpmn").deploy();
        long begin = System.nanoTime();
        for (AccountHealthFacts account : sample) {
            runtime.startProcessInstanceByKey("health-flags-per-account", account.getAccountId(),
                    Variables.createVariables().putValue("daysToRenewal", account.getDaysToRenewal())
                            .putValue("daysSinceExecutiveEngagement", account.getDaysSinceExecutiveEngagement())
                            .putValue("activeUsersChangePct", account.getActiveUsersChangePct())
                            .putValue("openEscalations", account.getOpenEscalations())
                            .putValue("csat", account.getCsat())
                            .putValue("hasExecutiveSponsor", account.isHasExecutiveSponsor()));
        }
        return (System.nanoTime() - begin) / 1e9;
    }

    /**
     * 100,000 accounts, 2 contacts, a subscription and 2 usage signals each, in a few set-based statements. The book
     * is mostly healthy, as a real one is: about 1 in 20 accounts red (usage down 20% or more, or an executive silent
     * for 60 days with the renewal inside 90 days), about 1 in 5 with a warning.
     */
    private void seed() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    insert into account (id, name, name_key, vertical, territory, tier, owner_id, created_at)
                    select 'bench-' || lpad(i::text, 7, '0'), 'Bench Account ' || i, 'bench account ' || i,
                           (array['HEALTHCARE','FINANCIAL_SERVICES','INSURANCE','OTHER'])[1 + i % 4], 'NORTHEAST',
                           (array['STRATEGIC','ENTERPRISE','GROWTH','GROWTH','GROWTH'])[1 + i % 5],
                           case when i % 2 = 0 then 'ivy' else 'ned' end, now()
                      from generate_series(1, {accounts}) i""".replace("{accounts}", String.valueOf(ACCOUNTS)));
            sql.execute("""
                    insert into contact (id, account_id, name, email, role, last_engaged_at)
                    select 'bench-c1-' || i, 'bench-' || lpad(i::text, 7, '0'), 'Sponsor ' || i, null,
                           case when i % 50 = 0 then 'TECHNICAL' else 'EXECUTIVE_SPONSOR' end,
                           now() - ((i % 75) || ' days')::interval
                      from generate_series(1, {accounts}) i""".replace("{accounts}", String.valueOf(ACCOUNTS)));
            sql.execute("""
                    insert into contact (id, account_id, name, email, role, last_engaged_at)
                    select 'bench-c2-' || i, 'bench-' || lpad(i::text, 7, '0'), 'Champion ' || i, null,
                           case when i % 45 = 0 then 'PROCUREMENT' else 'CHAMPION' end,
                           now() - ((i % 30) || ' days')::interval
                      from generate_series(1, {accounts}) i""".replace("{accounts}", String.valueOf(ACCOUNTS)));
            sql.execute("""
                    insert into subscription (id, account_id, product, arr, start_date, end_date, status)
                    select 'bench-s-' || i, 'bench-' || lpad(i::text, 7, '0'), 'Claims Analytics',
                           20000 + (i % 50) * 10000, current_date - 300, current_date + (i % 365), 'ACTIVE'
                      from generate_series(1, {accounts}) i""".replace("{accounts}", String.valueOf(ACCOUNTS)));
            sql.execute("""
                    insert into health_signal (id, account_id, recorded_at, active_users_change_pct, open_escalations, csat)
                    select 'bench-h' || n || '-' || i, 'bench-' || lpad(i::text, 7, '0'), now() - (n || ' days')::interval,
                           case when i % 40 = 0 then -25 when i % 40 = 1 then -12 else ((i * 7 + n) % 20) - 5 end,
                           case when i % 25 = 0 then 2 else (i + n) % 2 end,
                           case when i % 30 = 0 then 2.6 else 3.2 + ((i + n) % 18) / 10.0 end
                      from generate_series(1, {accounts}) i, generate_series(1, 2) n""".replace("{accounts}", String.valueOf(ACCOUNTS)));
            sql.execute("analyze");
        }
    }

    /** Every row the sweep reads, streamed once with plain JDBC: the floor no sweep can beat. */
    private double bareRead() throws Exception {
        long begin = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (String table : List.of("select id, name, tier, vertical from account",
                    "select account_id, end_date, status from subscription",
                    "select account_id, role, last_engaged_at from contact",
                    "select account_id, recorded_at, active_users_change_pct, open_escalations, csat from health_signal",
                    "select account_id, code, severity from risk_flag where resolved_at is null")) {
                try (Statement sql = connection.createStatement()) {
                    sql.setFetchSize(5_000);
                    try (ResultSet rows = sql.executeQuery(table)) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int c = 1; c <= columns; c++) {
                                rows.getObject(c);
                            }
                        }
                    }
                }
            }
            connection.commit();
        }
        return (System.nanoTime() - begin) / 1e9;
    }

    private JsonNode run(String runId) throws Exception {
        return new ObjectMapper().readTree(get("/api/health/sweep/" + runId, TestUsers.MAX).body());
    }
}
