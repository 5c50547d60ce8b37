package dev.accountflow.health;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The tally of each portfolio health sweep, moved in the same transaction as the batch's flags. */
@Component
class SweepRuns {

    static final String SWEEP_PROCESS = "portfolio-health-sweep";

    private final JdbcTemplate jdbc;
    private final HistoryService history;
    private final ManagementService management;
    private final RuntimeService runtime;

    SweepRuns(JdbcTemplate jdbc, HistoryService history, ManagementService management, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.history = history;
        this.management = management;
        this.runtime = runtime;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void open(String runId, int accounts) {
        jdbc.update("insert into health_sweep_run (id, accounts, evaluated, raised, resolved, created_at) "
                + "values (?, ?, 0, 0, 0, ?)", runId, accounts, Timestamp.from(Instant.now()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void count(String runId, HealthService.SweepTally tally) {
        jdbc.update("update health_sweep_run set evaluated = evaluated + ?, raised = raised + ?, "
                + "resolved = resolved + ? where id = ?", tally.evaluated(), tally.raised(), tally.resolved(), runId);
    }

    /**
     * Where a sweep stands: DONE once its process has ended or nothing of it is left to retry; failed counts the
     * accounts of batches that kept failing (they wait as incidents in Cockpit). Null for an id that is no sweep.
     */
    @Transactional(readOnly = true)
    SweepStatus status(String runId) {
        HistoricProcessInstance run = history.createHistoricProcessInstanceQuery().processInstanceId(runId)
                .processDefinitionKey(SWEEP_PROCESS).singleResult();
        if (run == null) {
            return null;
        }
        List<Map<String, Object>> tally = jdbc.queryForList(
                "select accounts, evaluated, raised, resolved from health_sweep_run where id = ?", runId);
        if (tally.isEmpty()) {
            return new SweepStatus("RUNNING", 0, 0, 0, 0, 0);
        }
        int failed = 0;
        for (Incident incident : runtime.createIncidentQuery().processInstanceId(runId).list()) {
            Object batch = runtime.getVariableLocal(incident.getExecutionId(), SweepAccounts.BATCH_VARIABLE);
            if (batch != null) {
                SweepAccounts.Batch accounts = SweepAccounts.Batch.parse(batch.toString());
                failed += jdbc.queryForObject("select count(*) from account where "
                        + dev.accountflow.account.AccountRange.page(accounts.afterId(), accounts.lastId()).on("id"), Integer.class,
                        dev.accountflow.account.AccountRange.page(accounts.afterId(), accounts.lastId()).params());
            }
        }
        boolean done = run.getEndTime() != null
                || management.createJobQuery().processInstanceId(runId).withRetriesLeft().count() == 0;
        Map<String, Object> row = tally.get(0);
        return new SweepStatus(done ? "DONE" : "RUNNING", number(row, "accounts"), number(row, "evaluated"),
                number(row, "raised"), number(row, "resolved"), failed);
    }

    private static int number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).intValue();
    }

    record SweepStatus(String status, int accounts, int evaluated, int raised, int resolved, int failed) {
    }
}
