package dev.accountflow.renewal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tally of each kick-off run (one renewal-kickoff process instance): counters move in the same transaction that
 * started the renewals, so a rolled-back batch counts nothing and a retried one nothing twice.
 */
@Component
class KickoffRuns {

    static final String KICKOFF_PROCESS = "renewal-kickoff";

    private final JdbcTemplate jdbc;
    private final HistoryService history;
    private final ManagementService management;

    KickoffRuns(JdbcTemplate jdbc, HistoryService history, ManagementService management) {
        this.jdbc = jdbc;
        this.history = history;
        this.management = management;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void open(String runId, int due) {
        jdbc.update("insert into renewal_kickoff_run (id, due, started, skipped, created_at) values (?, ?, 0, 0, ?)",
                runId, due, Timestamp.from(Instant.now()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void count(String runId, List<RenewalWindow.Start> results) {
        long started = results.stream().filter(r -> r == RenewalWindow.Start.STARTED).count();
        long skipped = results.stream().filter(r -> r == RenewalWindow.Start.ALREADY_LIVE
                || r == RenewalWindow.Start.NOT_DUE).count();
        if (started + skipped > 0) {
            jdbc.update("update renewal_kickoff_run set started = started + ?, skipped = skipped + ? where id = ?",
                    started, skipped, runId);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void recordFailure(String runId, KickoffFailure failure) {
        jdbc.update("delete from renewal_kickoff_failure where run_id = ? and subscription_id = ?", runId,
                failure.subscriptionId());
        jdbc.update("insert into renewal_kickoff_failure (run_id, subscription_id, reason) values (?, ?, ?)", runId,
                failure.subscriptionId(), failure.reason());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void forgetFailure(String runId, String subscriptionId) {
        jdbc.update("delete from renewal_kickoff_failure where run_id = ? and subscription_id = ?", runId,
                subscriptionId);
    }

    /**
     * Where a run stands: DONE once its process has ended or nothing of it is left to retry (the jobs of
     * subscriptions that kept failing wait as incidents in Cockpit); null for an id that is no kick-off run.
     */
    @Transactional(readOnly = true)
    KickoffStatus status(String runId) {
        HistoricProcessInstance run = history.createHistoricProcessInstanceQuery().processInstanceId(runId)
                .processDefinitionKey(KICKOFF_PROCESS).singleResult();
        if (run == null) {
            return null;
        }
        List<Map<String, Object>> tally = jdbc.queryForList(
                "select started, skipped from renewal_kickoff_run where id = ?", runId);
        List<KickoffFailure> failures = jdbc.query(
                "select subscription_id, reason from renewal_kickoff_failure where run_id = ? order by subscription_id",
                (rs, i) -> new KickoffFailure(rs.getString(1), rs.getString(2)), runId);
        boolean done = !tally.isEmpty() && (run.getEndTime() != null
                || management.createJobQuery().processInstanceId(runId).withRetriesLeft().count() == 0);
        int started = tally.isEmpty() ? 0 : ((Number) tally.get(0).get("started")).intValue();
        int skipped = tally.isEmpty() ? 0 : ((Number) tally.get(0).get("skipped")).intValue();
        return new KickoffStatus(done ? "DONE" : "RUNNING", started, skipped, failures.size(), failures);
    }

    record KickoffStatus(String status, int started, int skipped, int failed, List<KickoffFailure> failedSubscriptions) {
    }
}
