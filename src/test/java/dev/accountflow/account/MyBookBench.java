package dev.accountflow.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
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
 * Not a test: `./mvnw -Pbench verify` seeds 100,000 accounts (each with a subscription, every 20th with an open
 * risk flag, every 10th with an open opportunity) on the local PostgreSQL and times My book's API pages as a rep
 * (50,000 accounts) and as a manager (the whole book): sorted by each column, searched, deep pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.dev.accountflow=WARN", "logging.level.org.camunda=WARN"})
class MyBookBench extends PostgresIT {

    private static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);
    private static final int GOAL_P95_MILLIS = 150;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final List<String> SORTS = List.of("name", "name,desc", "arr,desc", "daysLeft", "health,desc",
            "tier", "owner");

    @Autowired DataSource dataSource;
    @Autowired IdentityService identity;
    @Autowired AccountFigures figures;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void myBookPagesAt100000Accounts() throws Exception {
        TestUsers.ensure(identity);
        seed(ACCOUNTS);
        // the seed writes rows directly; the book's figures on the account rows are computed from them once
        tx.executeWithoutResult(status -> figures.refreshAll());
        try (Connection connection = dataSource.getConnection(); Statement analyze = connection.createStatement()) {
            analyze.execute("vacuum analyze");  // what autovacuum does on a live book after a bulk load
        }
        List<String> paths = new ArrayList<>();
        for (String sort : SORTS) {
            paths.add("/api/accounts?size=50&sort=" + encode(sort));
            paths.add("/api/accounts?size=200&page=40&sort=" + encode(sort));
        }
        paths.add("/api/accounts?size=50&q=" + encode("health 4242"));
        paths.add("/api/accounts?size=50&q=" + encode("bench"));
        for (String path : paths) {  // warm-up
            get(path, TestUsers.IVY);
        }
        List<Double> millis = new ArrayList<>();
        java.util.Map<String, List<Double>> byRequest = new java.util.TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String path : paths) {
                for (String user : List.of(TestUsers.IVY, TestUsers.MAX)) {
                    long begin = System.nanoTime();
                    HttpResponse<String> page = get(path, user);
                    double took = (System.nanoTime() - begin) / 1e6;
                    millis.add(took);
                    byRequest.computeIfAbsent(user + " " + java.net.URLDecoder.decode(path, StandardCharsets.UTF_8),
                            k -> new ArrayList<>()).add(took);
                    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                }
            }
        }
        Collections.sort(millis);
        double p50 = millis.get(millis.size() / 2);
        double p95 = millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
        System.out.printf("%n=== My book bench ===%naccounts: %,d; requests: %d (rep with half the book, manager"
                        + " with all; %d sorts, deep pages, searches)%np50: %.0f ms, p95: %.0f ms, max: %.0f ms"
                        + " (goal: p95 <= %d ms, %s)%ncores: %d%n%n", ACCOUNTS, millis.size(), SORTS.size(), p50, p95,
                millis.get(millis.size() - 1), GOAL_P95_MILLIS, p95 <= GOAL_P95_MILLIS ? "met" : "NOT met",
                Runtime.getRuntime().availableProcessors());
        System.out.println("slowest requests (median of the rounds):");
        byRequest.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue().stream().sorted().toList().get(e.getValue().size() / 2)))
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("  %6.0f ms  %s%n", e.getValue(), e.getKey()));
    }

    private void seed(int count) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement account = connection.prepareStatement(
                    "insert into account (id, name, name_key, vertical, territory, tier, owner_id, created_at, version) "
                            + "values (?, ?, lower(?), 'HEALTHCARE', 'NORTHEAST', ?, ?, ?, 0)");
                 PreparedStatement subscription = connection.prepareStatement(
                         "insert into subscription (id, account_id, product, arr, start_date, end_date, status, version) "
                                 + "values (?, ?, 'Care Coordination Suite', ?, ?, ?, 'ACTIVE', 0)");
                 PreparedStatement flag = connection.prepareStatement(
                         "insert into risk_flag (id, account_id, code, severity, reason, rule_name, raised_at, open_key) "
                                 + "values (?, ?, 'USAGE_DROP', ?, 'Active users down 25%', 'Active users down', ?, ?)");
                 PreparedStatement opportunity = connection.prepareStatement(
                         "insert into opportunity (id, account_id, name, type, stage, amount, close_date, probability,"
                                 + " forecast_category, owner_id, created_at, version) values (?, ?, 'Expansion',"
                                 + " 'EXPANSION', 'DISCOVER', 50000, ?, 20, 'PIPELINE', ?, ?, 0)")) {
                for (int i = 0; i < count; i++) {
                    String accountId = UUID.randomUUID().toString();
                    String owner = i % 2 == 0 ? TestUsers.IVY : TestUsers.NED;
                    String name = "Bench Health " + i + " " + accountId.substring(0, 8);
                    account.setString(1, accountId);
                    account.setString(2, name);
                    account.setString(3, name);
                    account.setString(4, i % 7 == 0 ? "STRATEGIC" : i % 3 == 0 ? "GROWTH" : "ENTERPRISE");
                    account.setString(5, owner);
                    account.setTimestamp(6, now);
                    account.addBatch();
                    LocalDate end = today.plusDays(30 + i % 365);
                    subscription.setString(1, UUID.randomUUID().toString());
                    subscription.setString(2, accountId);
                    subscription.setInt(3, 50_000 + (i % 97) * 10_000);
                    subscription.setDate(4, Date.valueOf(end.minusYears(1).plusDays(1)));
                    subscription.setDate(5, Date.valueOf(end));
                    subscription.addBatch();
                    if (i % 20 == 0) {
                        flag.setString(1, UUID.randomUUID().toString());
                        flag.setString(2, accountId);
                        flag.setString(3, i % 40 == 0 ? "HIGH" : "MEDIUM");
                        flag.setTimestamp(4, now);
                        flag.setString(5, accountId + ":USAGE_DROP");
                        flag.addBatch();
                    }
                    if (i % 10 == 0) {
                        opportunity.setString(1, UUID.randomUUID().toString());
                        opportunity.setString(2, accountId);
                        opportunity.setDate(3, Date.valueOf(end));
                        opportunity.setString(4, owner);
                        opportunity.setTimestamp(5, now);
                        opportunity.addBatch();
                    }
                    if (i % 1000 == 999) {
                        account.executeBatch();
                        subscription.executeBatch();
                        flag.executeBatch();
                        opportunity.executeBatch();
                    }
                }
                account.executeBatch();
                subscription.executeBatch();
                flag.executeBatch();
                opportunity.executeBatch();
            }
            connection.commit();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
