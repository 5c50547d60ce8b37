package dev.accountflow.health;

import dev.accountflow.operations.BusinessEvents;
import dev.accountflow.rules.AccountHealthFacts;
import dev.accountflow.rules.HealthFinding;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts an at-risk-playbook for a red account without one and ends it when its last HIGH flag resolves, in the
 * transaction that changed the flags: a rolled-back batch starts or ends nothing.
 */
@Component
class AtRiskPlaybooks {

    static final String PROCESS_KEY = "at-risk-playbook";
    static final String RECOVERED = "AtRiskAccountRecovered";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcTemplate jdbc;

    AtRiskPlaybooks(RuntimeService runtime, ManagementService management, JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
    }

    /**
     * A playbook for each red account that has none running, whether it turned red just now or was red before the
     * sweep existed; the running ones are found in one query for all the accounts given.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void startWhereNoneRuns(Map<AccountHealthFacts, List<HealthFinding>> redAccounts) {
        if (redAccounts.isEmpty()) {
            return;
        }
        // one playbook per account at a time; a relapse after it ended starts a new one. Only the business keys are
        // read (the engine's own tables, in this transaction): no process instance is loaded to learn that it runs
        List<String> ids = redAccounts.keySet().stream().map(AccountHealthFacts::getAccountId).toList();
        Set<String> running = new HashSet<>();
        jdbc.query("select RES.BUSINESS_KEY_ from " + management.getTableName(ProcessInstance.class) + " RES join "
                + management.getTableName(ProcessDefinition.class) + " DEF on DEF.ID_ = RES.PROC_DEF_ID_"
                + " where RES.PARENT_ID_ is null and RES.ID_ = RES.PROC_INST_ID_ and DEF.KEY_ = ? and RES.BUSINESS_KEY_ in ("
                + String.join(",", Collections.nCopies(ids.size(), "?")) + ")", rows -> {
                    running.add(rows.getString(1));
                }, Stream.concat(Stream.of(PROCESS_KEY), ids.stream()).toArray());
        redAccounts.forEach((account, findings) -> {
            if (!running.contains(account.getAccountId())) {
                start(account, findings);
            }
        });
    }

    private void start(AccountHealthFacts account, List<HealthFinding> findings) {
        String reasons = findings.stream().filter(f -> "HIGH".equals(f.severity())).map(HealthFinding::reason)
                .collect(Collectors.joining("\n"));
        String processInstanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, account.getAccountId(), Map.of(
                "accountId", account.getAccountId(), "accountName", account.getAccountName(), "atRiskReasons", reasons))
                .getId();
        BusinessEvents.record("playbook started", processInstanceId, account.getAccountId(), null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void recovered(String accountId) {
        runtime.createMessageCorrelation(RECOVERED).processInstanceBusinessKey(accountId).correlateAll();
    }
}
