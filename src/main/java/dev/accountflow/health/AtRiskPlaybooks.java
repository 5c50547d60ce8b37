package dev.accountflow.health;

import dev.accountflow.operations.BusinessEvents;
import dev.accountflow.rules.AccountHealthFacts;
import dev.accountflow.rules.HealthFinding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.NativeProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

    AtRiskPlaybooks(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
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
        // one playbook per account at a time; a relapse after it ended starts a new one
        List<String> ids = redAccounts.keySet().stream().map(AccountHealthFacts::getAccountId).toList();
        NativeProcessInstanceQuery query = runtime.createNativeProcessInstanceQuery().sql(
                "select RES.* from " + management.getTableName(ProcessInstance.class) + " RES join "
                        + management.getTableName(ProcessDefinition.class) + " DEF on DEF.ID_ = RES.PROC_DEF_ID_"
                        + " where RES.PARENT_ID_ is null and DEF.KEY_ = #{key} and RES.BUSINESS_KEY_ in ("
                        + IntStream.range(0, ids.size()).mapToObj(i -> "#{k" + i + "}").collect(Collectors.joining(","))
                        + ")").parameter("key", PROCESS_KEY);
        for (int i = 0; i < ids.size(); i++) {
            query.parameter("k" + i, ids.get(i));
        }
        Set<String> running = query.list().stream().map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());
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
