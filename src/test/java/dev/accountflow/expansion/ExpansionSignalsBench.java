package dev.accountflow.expansion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountflow.support.PostgresIT;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: `./mvnw -Pbench verify -Dit.test=ExpansionSignalsBench` seeds 100,000 accounts with subscriptions,
 * usage and seat signals, renewals and shipped requests on the local PostgreSQL, then runs the expansion-signal
 * page evaluation the nightly sweep adds to each of its batches (500 accounts, one transaction each) over the whole
 * book, twice: the first pass makes the suggestions, the second finds nothing new. It prints the extra cost the
 * sweep pays for expansion signals, in total and per account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.dev.accountflow=WARN", "logging.level.org.camunda=WARN"})
class ExpansionSignalsBench extends PostgresIT {

    private static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);

    @Autowired DataSource dataSource;
    @Autowired ExpansionSignals signals;
    @Autowired SignalFacts facts;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcTemplate jdbc;

    @Test
    void expansionSignalsOver100000Accounts() throws Exception {
        seed();
        Pass first = pass();
        long suggestions = jdbc.queryForObject("select count(*) from expansion_suggestion", Long.class);
        Pass second = pass();
        long after = jdbc.queryForObject("select count(*) from expansion_suggestion", Long.class);
        long factsBegin = System.nanoTime();
        int factRows = 0;
        String afterId = null;
        for (List<String> page = facts.accountIdsAfter(null); !page.isEmpty(); page = facts.accountIdsAfter(afterId)) {
            String lastId = page.get(page.size() - 1);
            factRows += facts.of(dev.accountflow.account.AccountRange.page(afterId, lastId)).size();
            afterId = lastId;
        }
        double factsSeconds = (System.nanoTime() - factsBegin) / 1e9;

        System.out.printf("%n=== Expansion signals bench (the sweep's extra work per page) ===%n"
                        + "accounts in the book:                 %,d (pages of %d)%n"
                        + "first pass (makes the suggestions):   %.1f s = %.0f µs per account; %,d suggestions made%n"
                        + "second pass (nothing new):            %.1f s = %.0f µs per account; %,d made, %,d withdrawn%n"
                        + "facts alone (%,d account × product rows): %.1f s = %.0f µs per account%n"
                        + "cores: %d, max heap: %d MB%n%n",
                first.accounts, SignalFacts.PAGE, first.seconds, first.seconds * 1e6 / first.accounts, first.suggested,
                second.seconds, second.seconds * 1e6 / second.accounts, second.suggested, second.withdrawn, factRows,
                factsSeconds, factsSeconds * 1e6 / first.accounts, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        assertThat(first.accounts).isGreaterThanOrEqualTo(ACCOUNTS);
        assertThat(suggestions).isGreaterThan(0);
        assertThat(after).as("a second pass adds nothing").isEqualTo(suggestions);
    }

    private record Pass(int accounts, int suggested, int withdrawn, double seconds) {
    }

    // the sweep's pages, each in its own transaction as the sweep's async jobs run them
    private Pass pass() {
        long begin = System.nanoTime();
        int accounts = 0;
        int suggested = 0;
        int withdrawn = 0;
        String afterId = null;
        for (List<String> page = facts.accountIdsAfter(null); !page.isEmpty(); page = facts.accountIdsAfter(afterId)) {
            String from = afterId;
            String lastId = page.get(page.size() - 1);
            ExpansionSignals.Tally tally = tx.execute(s -> signals.assessBatch(from, lastId));
            accounts += tally.evaluated();
            suggested += tally.suggested();
            withdrawn += tally.withdrawn();
            afterId = lastId;
        }
        return new Pass(accounts, suggested, withdrawn, (System.nanoTime() - begin) / 1e9);
    }

    /**
     * 100,000 accounts in four verticals, each owning one or two products of its vertical; usage and seat signals
     * (about 1 in 10 growing), a renewal just closed on 1 in 20 and a shipped request on 1 in 50, in a few set-based
     * statements.
     */
    private void seed() throws Exception {
        String n = String.valueOf(ACCOUNTS);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    insert into account (id, name, name_key, vertical, territory, tier, owner_id, created_at)
                    select 'bench-' || lpad(i::text, 7, '0'), 'Bench Account ' || i, 'bench account ' || i,
                           (array['HEALTHCARE','FINANCIAL_SERVICES','INSURANCE','OTHER'])[1 + i % 4], 'NORTHEAST',
                           (array['STRATEGIC','ENTERPRISE','GROWTH','GROWTH','GROWTH'])[1 + i % 5],
                           case when i % 2 = 0 then 'ivy' else 'ned' end, now()
                      from generate_series(1, {n}) i""".replace("{n}", n));
            sql.execute("""
                    insert into subscription (id, account_id, product, arr, start_date, end_date, status)
                    select 'bench-s1-' || i, 'bench-' || lpad(i::text, 7, '0'),
                           (array['Care Coordination Suite','Risk & Compliance Hub','Policy Administration Cloud',
                                  'Claims Analytics'])[1 + i % 4],
                           20000 + (i % 50) * 10000, current_date - 300, current_date + (i % 365), 'ACTIVE'
                      from generate_series(1, {n}) i""".replace("{n}", n));
            sql.execute("""
                    insert into subscription (id, account_id, product, arr, start_date, end_date, status)
                    select 'bench-s2-' || i, 'bench-' || lpad(i::text, 7, '0'),
                           (array['Patient Engagement Cloud','Client Onboarding Cloud','Agent Portal',
                                  'Payments Analytics'])[1 + i % 4],
                           15000 + (i % 30) * 5000, current_date - 200, current_date + (i % 300), 'ACTIVE'
                      from generate_series(1, {n}) i where i % 3 = 0""".replace("{n}", n));
            sql.execute("""
                    insert into health_signal (id, account_id, recorded_at, active_users_change_pct, open_escalations,
                                               csat, seat_utilization_pct)
                    select 'bench-h' || k || '-' || i, 'bench-' || lpad(i::text, 7, '0'), now() - (k || ' days')::interval,
                           case when i % 20 = 0 then 25 else ((i * 7 + k) % 30) - 10 end, (i + k) % 2,
                           3.2 + ((i + k) % 18) / 10.0, case when i % 20 = 1 then 93 else 40 + (i % 45) end
                      from generate_series(1, {n}) i, generate_series(1, 2) k""".replace("{n}", n));
            sql.execute("""
                    insert into subscription_term (id, subscription_id, start_date, end_date, arr, outcome, recorded_at)
                    select 'bench-t1-' || i, 'bench-s1-' || i, current_date - 665, current_date - 301,
                           20000 + (i % 50) * 10000, 'RENEWED', now() - interval '700 days'
                      from generate_series(1, {n}) i where i % 20 = 2""".replace("{n}", n));
            sql.execute("""
                    insert into subscription_term (id, subscription_id, start_date, end_date, arr, recorded_at)
                    select 'bench-t2-' || i, 'bench-s1-' || i, current_date - 300, current_date + (i % 365),
                           20000 + (i % 50) * 10000, now() - ((i % 40) || ' days')::interval
                      from generate_series(1, {n}) i where i % 20 = 2""".replace("{n}", n));
            sql.execute("""
                    insert into feature_request (id, account_id, title, description, product_area, business_impact,
                                                 status, requested_by, created_at, shipped_at, product)
                    select 'bench-f-' || i, 'bench-' || lpad(i::text, 7, '0'), 'Bench request ' || i, 'Needed',
                           'ANALYTICS', 'NICE_TO_HAVE', 'SHIPPED', 'ivy', now() - interval '100 days',
                           now() - ((i % 120) || ' days')::interval,
                           (array['Claims Analytics','Payments Analytics','Agent Portal','Patient Engagement Cloud'])[1 + i % 4]
                      from generate_series(1, {n}) i where i % 50 = 3""".replace("{n}", n));
            sql.execute("analyze");
        }
    }
}
