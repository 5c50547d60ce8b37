package dev.accountflow.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Not a test: `./mvnw -Pbench ... -Dit.test=ForecastBench` seeds 100,000 opportunities over 50 reps (all types and
 * stages, closing across four quarters), their accounts' subscriptions with a closed and a running term (renewed,
 * downsold or churned) and every rep's quotas on the local PostgreSQL, then times {@code GET /api/forecast} for the
 * team and for single reps, as a manager and as a rep.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.dev.accountflow=WARN", "logging.level.org.camunda=WARN"})
class ForecastBench extends PostgresIT {

    private static final int OPPORTUNITIES = Integer.getInteger("bench.opportunities", 100_000);
    private static final int REPS = 50;
    private static final int PER_ACCOUNT = 10;
    private static final int GOAL_P95_MILLIS = 200;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 10);
    private static final String[] STAGES = {"QUALIFY", "DISCOVER", "SOLUTION_DEVELOPMENT", "PROPOSAL", "NEGOTIATION",
            "CLOSED_WON", "CLOSED_LOST"};
    private static final int[] PROBABILITY = {10, 20, 40, 60, 80, 100, 0};
    private static final String[] CATEGORY = {"PIPELINE", "PIPELINE", "BEST_CASE", "BEST_CASE", "COMMIT", "CLOSED",
            "OMITTED"};
    private static final String[] TYPES = {"RENEWAL", "EXPANSION", "NEW_BUSINESS"};

    @Autowired DataSource dataSource;
    @Autowired IdentityService identity;

    @Test
    void forecastAt100000Opportunities() throws Exception {
        TestUsers.ensure(identity);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Quarter now = Quarter.of(today);
        List<Quarter> quarters = List.of(now.previous(), now, next(now), next(next(now)));
        seed(today, quarters);
        long opportunities;
        long terms;
        long quotas;
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("vacuum analyze");  // what autovacuum does on a live book after a bulk load
            opportunities = count(sql, "opportunity");
            terms = count(sql, "subscription_term");
            quotas = count(sql, "quota");
        }
        List<String> paths = new ArrayList<>();
        for (Quarter q : quarters) {
            paths.add("/api/forecast?quarter=" + q);
            paths.add("/api/forecast?quarter=" + q + "&owner=" + rep(7));
        }
        List<String[]> requests = new ArrayList<>();
        for (String path : paths) {
            requests.add(new String[] {TestUsers.MAX, path});
        }
        requests.add(new String[] {TestUsers.IVY, "/api/forecast?quarter=" + now});
        requests.add(new String[] {TestUsers.NED, "/api/forecast?quarter=" + next(now)});
        for (String[] r : requests) {  // warm-up
            get(r[1], r[0]);
        }
        List<Double> millis = new ArrayList<>();
        String sample = null;
        for (int round = 0; round < ROUNDS; round++) {
            for (String[] r : requests) {
                long begin = System.nanoTime();
                HttpResponse<String> answer = get(r[1], r[0]);
                millis.add((System.nanoTime() - begin) / 1e6);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                if (sample == null && r[1].endsWith("quarter=" + now)) {
                    sample = answer.body();
                }
            }
        }
        Collections.sort(millis);
        double p50 = millis.get(millis.size() / 2);
        double p95 = millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
        System.out.printf("%n=== Forecast bench ===%nrows: %,d opportunities over %d reps, %,d subscription terms,"
                        + " %,d quotas%nrequests: %d (team and single reps, 4 quarters, as a manager and as reps)%n"
                        + "p50: %.0f ms, p95: %.0f ms, max: %.0f ms (goal: p95 <= %d ms, %s)%ncores: %d%n",
                opportunities, REPS, terms, quotas, millis.size(), p50, p95, millis.get(millis.size() - 1),
                GOAL_P95_MILLIS, p95 <= GOAL_P95_MILLIS ? "met" : "NOT met", Runtime.getRuntime().availableProcessors());
        System.out.println("team forecast, " + now + " (first 300 characters): "
                + sample.substring(0, Math.min(300, sample.length())) + "\n");
    }

    private static String rep(int i) {
        return i == 0 ? TestUsers.IVY : i == 1 ? TestUsers.NED : "rep" + String.format("%02d", i);
    }

    private static Quarter next(Quarter q) {
        return q.number() == 4 ? new Quarter(q.year() + 1, 1) : new Quarter(q.year(), q.number() + 1);
    }

    private static long count(Statement sql, String table) throws Exception {
        try (ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void seed(LocalDate today, List<Quarter> quarters) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement account = connection.prepareStatement(
                    "insert into account (id, name, name_key, vertical, territory, tier, owner_id, created_at, version) "
                            + "values (?, ?, lower(?), 'INSURANCE', 'NORTHEAST', 'ENTERPRISE', ?, ?, 0)");
                 PreparedStatement subscription = connection.prepareStatement(
                         "insert into subscription (id, account_id, product, arr, start_date, end_date, status, version) "
                                 + "values (?, ?, 'Agent Portal', ?, ?, ?, ?, 0)");
                 PreparedStatement term = connection.prepareStatement(
                         "insert into subscription_term (id, subscription_id, start_date, end_date, arr, outcome,"
                                 + " next_arr, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement opportunity = connection.prepareStatement(
                         "insert into opportunity (id, account_id, name, type, stage, amount, close_date, probability,"
                                 + " forecast_category, owner_id, created_at, closed_at, version)"
                                 + " values (?, ?, 'Forecast bench deal', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
                 PreparedStatement quota = connection.prepareStatement(
                         "insert into quota (user_id, quarter, type, target) values (?, ?, ?, ?)")) {
                int accounts = (OPPORTUNITIES + PER_ACCOUNT - 1) / PER_ACCOUNT;
                for (int a = 0; a < accounts; a++) {
                    String accountId = UUID.randomUUID().toString();
                    String owner = rep(a % REPS);
                    String name = "Forecast Bench " + a + " " + accountId.substring(0, 8);
                    account.setString(1, accountId);
                    account.setString(2, name);
                    account.setString(3, name);
                    account.setString(4, owner);
                    account.setTimestamp(5, now);
                    account.addBatch();
                    // a term that ended in one of the quarters with an outcome, and the next one running
                    Quarter ended = quarters.get(a % 2);
                    LocalDate end = ended.firstDay().plusDays(a % 89);
                    int arr = 40_000 + (a % 50) * 2_000;
                    String outcome = a % 7 == 0 ? "CHURNED" : a % 5 == 0 ? "DOWNSOLD" : "RENEWED";
                    String subscriptionId = UUID.randomUUID().toString();
                    subscription.setString(1, subscriptionId);
                    subscription.setString(2, accountId);
                    subscription.setInt(3, arr);
                    subscription.setDate(4, Date.valueOf(end.minusYears(1).plusDays(1)));
                    subscription.setDate(5, Date.valueOf(outcome.equals("CHURNED") ? end : end.plusYears(1)));
                    subscription.setString(6, outcome.equals("CHURNED") ? "CHURNED" : "ACTIVE");
                    subscription.addBatch();
                    Integer nextArr = outcome.equals("CHURNED") ? null
                            : outcome.equals("DOWNSOLD") ? arr * 8 / 10 : arr * 11 / 10;
                    addTerm(term, subscriptionId, end.minusYears(1).plusDays(1), end, arr, outcome, nextArr, now);
                    if (nextArr != null) {
                        addTerm(term, subscriptionId, end.plusDays(1), end.plusYears(1), nextArr, null, null, now);
                    }
                    for (int k = 0; k < PER_ACCOUNT && a * PER_ACCOUNT + k < OPPORTUNITIES; k++) {
                        int i = a * PER_ACCOUNT + k;
                        int stage = i % STAGES.length;
                        Quarter q = quarters.get(i % quarters.size());
                        opportunity.setString(1, UUID.randomUUID().toString());
                        opportunity.setString(2, accountId);
                        opportunity.setString(3, TYPES[i % TYPES.length]);
                        opportunity.setString(4, STAGES[stage]);
                        opportunity.setInt(5, 10_000 + (i % 91) * 1_000);
                        opportunity.setDate(6, Date.valueOf(q.firstDay().plusDays(i % 90)));
                        opportunity.setInt(7, PROBABILITY[stage]);
                        opportunity.setString(8, CATEGORY[stage]);
                        opportunity.setString(9, owner);
                        opportunity.setTimestamp(10, now);
                        opportunity.setTimestamp(11, stage >= 5 ? now : null);
                        opportunity.addBatch();
                    }
                    if (a % 500 == 499) {
                        account.executeBatch();
                        subscription.executeBatch();
                        term.executeBatch();
                        opportunity.executeBatch();
                    }
                }
                account.executeBatch();
                subscription.executeBatch();
                term.executeBatch();
                opportunity.executeBatch();
                for (int r = 0; r < REPS; r++) {
                    for (Quarter q : quarters) {
                        for (String type : TYPES) {
                            quota.setString(1, rep(r));
                            quota.setString(2, q.toString());
                            quota.setString(3, type);
                            quota.setInt(4, type.equals("RENEWAL") ? 2_000_000 : 1_000_000);
                            quota.addBatch();
                        }
                    }
                }
                quota.executeBatch();
            }
            connection.commit();
        }
    }

    private static void addTerm(PreparedStatement term, String subscriptionId, LocalDate start, LocalDate end, int arr,
                                String outcome, Integer nextArr, Timestamp at) throws Exception {
        term.setString(1, UUID.randomUUID().toString());
        term.setString(2, subscriptionId);
        term.setDate(3, Date.valueOf(start));
        term.setDate(4, Date.valueOf(end));
        term.setInt(5, arr);
        term.setString(6, outcome);
        term.setObject(7, nextArr, java.sql.Types.NUMERIC);
        term.setTimestamp(8, at);
        term.addBatch();
    }
}
