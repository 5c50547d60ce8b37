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

    @Test
    void kickoffOf20000DueSubscriptions() throws Exception {
        TestUsers.ensure(identity);
        double commitsPerSecond = singleConnectionCommitRate();
        seed(SUBSCRIPTIONS);

        java.util.Map<String, long[]> tablesBefore = tableActivity();
        long appCpuBefore = appCpuNanos();
        long jobCpuBefore = jobThreadsCpuNanos();
        long dbCpuBefore = postgresCpuTicks();
        long begin = System.nanoTime();
        String runId = new ObjectMapper().readTree(post("/api/renewals/kickoff", TestUsers.MAX, "").body())
                .get("runId").asText();
        // one cheap count a second, so the bench's own polling costs the database next to nothing
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(1)).until(() ->
                firstTasksAssigned() >= SUBSCRIPTIONS);
        double seconds = (System.nanoTime() - begin) / 1e9;
        double appCpuMs = (appCpuNanos() - appCpuBefore) / 1e6 / SUBSCRIPTIONS;
        double jobCpuMs = (jobThreadsCpuNanos() - jobCpuBefore) / 1e6 / SUBSCRIPTIONS;
        double dbCpuMs = (postgresCpuTicks() - dbCpuBefore) * 10.0 / SUBSCRIPTIONS;
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
                        + "CPU per renewal: app %.2f ms (job threads %.2f ms; the rest is JIT and GC), PostgreSQL %.2f ms "
                        + "(all its processes on this machine)%n"
                        + "cores: %d, max heap: %d MB%n%n",
                SUBSCRIPTIONS, seconds, run.get("status").asText(), run.get("started").asInt(), run.get("failed").asInt(),
                renewalsPerSecond, commitsPerSecond, renewalsPerSecond / commitsPerSecond,
                appCpuMs, jobCpuMs, dbCpuMs,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        printTableActivity(tablesBefore, tableActivity());
        assertThat(run.get("failed").asInt()).isZero();
    }

    /** Rows inserted / updated / deleted and index / sequential scans per table of this database. */
    private java.util.Map<String, long[]> tableActivity() throws Exception {
        java.util.Map<String, long[]> activity = new java.util.TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("select pg_stat_clear_snapshot()");
            try (var rows = sql.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(idx_scan, 0), "
                    + "seq_scan from pg_stat_user_tables")) {
                while (rows.next()) {
                    activity.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4),
                            rows.getLong(5), rows.getLong(6)});
                }
            }
        }
        return activity;
    }

    private static void printTableActivity(java.util.Map<String, long[]> before, java.util.Map<String, long[]> after) {
        System.out.printf("per renewal:        inserts  updates  deletes  idx scans  seq scans%n");
        double[] total = new double[5];
        after.forEach((table, now) -> {
            long[] then = before.getOrDefault(table, new long[5]);
            double[] per = new double[5];
            boolean any = false;
            for (int i = 0; i < 5; i++) {
                per[i] = (now[i] - then[i]) / (double) SUBSCRIPTIONS;
                total[i] += per[i];
                any |= per[i] >= 0.01;
            }
            if (any) {
                System.out.printf("%-24s %6.2f %8.2f %8.2f %10.2f %10.2f%n", table, per[0], per[1], per[2], per[3], per[4]);
            }
        });
        System.out.printf("%-24s %6.2f %8.2f %8.2f %10.2f %10.2f%n", "all tables", total[0], total[1], total[2],
                total[3], total[4]);
    }

    private static long appCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the job executor's threads, which start the renewals (JIT compiler and GC excluded). */
    private static long jobThreadsCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("camundaTaskExecutor")) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return nanos;
    }

    /** utime + stime of every PostgreSQL process, in clock ticks (1/100 s on Linux). */
    private static long postgresCpuTicks() throws Exception {
        long ticks = 0;
        try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path dir : (Iterable<java.nio.file.Path>) processes::iterator) {
                try {
                    if (!java.nio.file.Files.readString(dir.resolve("comm")).trim().startsWith("postgres")) {
                        continue;
                    }
                    String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (java.io.IOException | RuntimeException gone) {
                    // not a process directory, or the process ended while being read
                }
            }
        }
        return ticks;
    }

    private long firstTasksAssigned() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             var rows = sql.executeQuery("select count(*) from act_ru_task where task_def_key_ = "
                     + "'Task_PrepareRenewalPlan' and assignee_ is not null")) {
            rows.next();
            return rows.getLong(1);
        }
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
