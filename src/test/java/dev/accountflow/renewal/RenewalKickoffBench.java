package dev.accountflow.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Not a test: `./mvnw -Pbench verify` seeds 20,000 due subscriptions on the local PostgreSQL, asks for a kick-off
 * and times it end to end (every renewal's first task created and assigned), next to the database's own
 * single-connection commit rate measured in the same run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=true", "logging.level.dev.accountflow=WARN",
                "logging.level.org.camunda=WARN"})
class RenewalKickoffBench extends PostgresIT {

    private static final int SUBSCRIPTIONS = Integer.getInteger("bench.subscriptions", 20_000);
    private static final int COMMITS = 3_000;

    @Autowired DataSource dataSource;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;

    @Test
    void kickoffOf20000DueSubscriptions() throws Exception {
        TestUsers.ensure(identity);
        double commitsPerSecond = singleConnectionCommitRate();
        seed(SUBSCRIPTIONS);

        long begin = System.nanoTime();
        String runId = new ObjectMapper().readTree(post("/api/renewals/kickoff", TestUsers.MAX, "").body())
                .get("runId").asText();
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(250)).until(() ->
                tasks.createTaskQuery().processDefinitionKey("renewal").taskDefinitionKey("Task_PrepareRenewalPlan")
                        .count() >= SUBSCRIPTIONS);
        double seconds = (System.nanoTime() - begin) / 1e9;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                "DONE".equals(run(runId).get("status").asText()));
        JsonNode run = run(runId);
        double renewalsPerSecond = SUBSCRIPTIONS / seconds;

        System.out.printf("%n=== Renewal kick-off bench ===%n"
                        + "subscriptions due:                 %,d%n"
                        + "kick-off end to end:               %.1f s (run %s: started %d, failed %d)%n"
                        + "renewals/s (first task assigned):  %.0f%n"
                        + "single-connection commits/s:       %.0f%n"
                        + "ratio renewals / commits:          %.3f%n"
                        + "cores: %d, max heap: %d MB%n%n",
                SUBSCRIPTIONS, seconds, run.get("status").asText(), run.get("started").asInt(), run.get("failed").asInt(),
                renewalsPerSecond, commitsPerSecond, renewalsPerSecond / commitsPerSecond,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        assertThat(run.get("failed").asInt()).isZero();
    }

    private JsonNode run(String runId) throws Exception {
        return new ObjectMapper().readTree(get("/api/renewals/kickoff/" + runId, TestUsers.MAX).body());
    }

    private double singleConnectionCommitRate() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("create temporary table bench_commit (id integer primary key)");
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("insert into bench_commit values (?)")) {
                long begin = System.nanoTime();
                for (int i = 0; i < COMMITS; i++) {
                    insert.setInt(1, i);
                    insert.executeUpdate();
                }
                return COMMITS / ((System.nanoTime() - begin) / 1e9);
            } finally {
                ddl.execute("drop table bench_commit");
            }
        }
    }

    private void seed(int count) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement account = connection.prepareStatement(
                    "insert into account (id, name, name_key, vertical, territory, tier, owner_id, created_at, version) "
                            + "values (?, ?, lower(?), 'HEALTHCARE', 'NORTHEAST', 'ENTERPRISE', ?, ?, 0)");
                 PreparedStatement subscription = connection.prepareStatement(
                         "insert into subscription (id, account_id, product, arr, start_date, end_date, status, version) "
                                 + "values (?, ?, 'Care Coordination Suite', 250000, ?, ?, 'ACTIVE', 0)")) {
                for (int i = 0; i < count; i++) {
                    String accountId = UUID.randomUUID().toString();
                    account.setString(1, accountId);
                    String name = "Bench Health " + i + " " + accountId.substring(0, 8);
                    account.setString(2, name);
                    account.setString(3, name);
                    account.setString(4, i % 2 == 0 ? TestUsers.IVY : TestUsers.NED);
                    account.setTimestamp(5, now);
                    account.addBatch();
                    LocalDate end = today.plusDays(30 + i % 60);
                    subscription.setString(1, UUID.randomUUID().toString());
                    subscription.setString(2, accountId);
                    subscription.setDate(3, Date.valueOf(end.minusYears(1).plusDays(1)));
                    subscription.setDate(4, Date.valueOf(end));
                    subscription.addBatch();
                    if (i % 1000 == 999) {
                        account.executeBatch();
                        subscription.executeBatch();
                    }
                }
                account.executeBatch();
                subscription.executeBatch();
            }
            connection.commit();
        }
    }
}
