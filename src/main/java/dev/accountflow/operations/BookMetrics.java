package dev.accountflow.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges of the whole book, shared by every node: the outbox by state, open tasks by process and age, jobs waiting
 * and failed, the last kick-off's and sweep's durations, and the engine's own counters. A few aggregate queries every
 * 15 seconds, whatever the size of the book; a scrape only reads the last figures.
 */
@Component
public class BookMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(BookMetrics.class);
    /** The engine's own event counters (summed over every node in the database's metric log). */
    private static final List<String> ENGINE_COUNTERS = List.of(Metrics.ROOT_PROCESS_INSTANCE_START,
            Metrics.ACTIVTY_INSTANCE_START, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.JOB_ACQUISITION_ATTEMPT);
    private static final List<String> TIMED_PROCESSES = List.of("renewal-kickoff", "portfolio-health-sweep");

    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final Map<String, Double> engineCounts = new ConcurrentHashMap<>();
    private static final List<String> OUTBOX_STATES = List.of("PENDING", "SENT", "FAILED");

    private MultiGauge outbox;
    private MultiGauge openTasks;
    private MultiGauge jobs;
    private MultiGauge lastRuns;

    BookMetrics(JdbcTemplate jdbc, ManagementService management) {
        this.jdbc = jdbc;
        this.management = management;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        outbox = MultiGauge.builder("accountflow.outbox.notifications")
                .description("Notifications in the outbox, by state (PENDING, SENT, FAILED)").register(registry);
        openTasks = MultiGauge.builder("accountflow.tasks.open")
                .description("Open user tasks, by process and age since created").register(registry);
        jobs = MultiGauge.builder("accountflow.jobs")
                .description("Engine jobs: due now, and failed with no retries left (incidents)").register(registry);
        lastRuns = MultiGauge.builder("accountflow.runs.last.duration").baseUnit("seconds")
                .description("How long the last finished kick-off and health sweep took").register(registry);
        for (String name : ENGINE_COUNTERS) {
            FunctionCounter.builder("camunda.engine.events", engineCounts, counts -> counts.getOrDefault(name, 0.0))
                    .tag("event", name).description("The engine's own event counts as reported to its metric log")
                    .register(registry);
        }
        refresh();
    }

    /** Reads the figures again (every 15 s; tests call it to see a change at once). */
    @Scheduled(fixedDelayString = "${accountflow.metrics.refresh-ms:15000}", initialDelay = 15_000)
    public void refresh() {
        if (outbox == null) {
            return;
        }
        try {
            // every state is scraped, 0 included: an empty outbox still answers "nothing pending"
            Map<String, Long> byStatus = new java.util.HashMap<>();
            jdbc.query("select status, count(*) from notification group by status",
                    rs -> { byStatus.put(rs.getString(1), rs.getLong(2)); });
            outbox.register(OUTBOX_STATES.stream().<MultiGauge.Row<?>>map(state -> MultiGauge.Row.of(
                    Tags.of("status", state), byStatus.getOrDefault(state, 0L))).toList(), true);
            Instant now = Instant.now();
            openTasks.register(openTasks(now), true);
            jobs.register(List.of(
                    MultiGauge.Row.of(Tags.of("state", "due"), management.createJobQuery().executable().count()),
                    MultiGauge.Row.of(Tags.of("state", "failed"), management.createJobQuery().noRetriesLeft().count())),
                    true);
            List<MultiGauge.Row<?>> runs = new ArrayList<>();
            for (String process : TIMED_PROCESSES) {
                jdbc.query("""
                        select duration_ from act_hi_procinst where proc_def_key_ = ? and end_time_ is not null
                         order by end_time_ desc fetch first 1 rows only""",
                        rs -> {
                            runs.add(MultiGauge.Row.of(Tags.of("process", process), rs.getLong(1) / 1000.0));
                        }, process);
            }
            lastRuns.register(runs, true);
            for (String name : ENGINE_COUNTERS) {
                engineCounts.put(name, (double) management.createMetricsQuery().name(name).sum());
            }
        } catch (RuntimeException e) {
            // a scrape shows the last figures; the next refresh tries again
            log.warn("Metrics refresh failed: {}", e.getMessage());
        }
    }

    /** Age buckets counted in the database: under a day, a week, a month, older. */
    private List<MultiGauge.Row<?>> openTasks(Instant now) {
        Timestamp day = Timestamp.from(now.minus(Duration.ofDays(1)));
        Timestamp week = Timestamp.from(now.minus(Duration.ofDays(7)));
        Timestamp month = Timestamp.from(now.minus(Duration.ofDays(30)));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        jdbc.query("""
                select d.key_,
                       sum(case when t.create_time_ >= ? then 1 else 0 end),
                       sum(case when t.create_time_ < ? and t.create_time_ >= ? then 1 else 0 end),
                       sum(case when t.create_time_ < ? and t.create_time_ >= ? then 1 else 0 end),
                       sum(case when t.create_time_ < ? then 1 else 0 end)
                  from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_
                 group by d.key_""", rs -> {
            String process = rs.getString(1);
            String[] ages = {"under_1d", "1d_to_7d", "7d_to_30d", "over_30d"};
            for (int i = 0; i < ages.length; i++) {
                rows.add(MultiGauge.Row.of(Tags.of("process", process, "age", ages[i]), rs.getLong(i + 2)));
            }
        }, day, day, week, week, month, month);
        return rows;
    }
}
