package dev.accountflow.health;

import dev.accountflow.rules.AccountHealthFacts;
import dev.accountflow.rules.HealthFinding;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts an at-risk-playbook when an account turns red and ends it when its last HIGH flag resolves, in the
 * transaction that changed the flags: a rolled-back batch starts or ends nothing.
 */
@Component
class AtRiskPlaybooks {

    static final String PROCESS_KEY = "at-risk-playbook";
    static final String RECOVERED = "AtRiskAccountRecovered";

    private final RuntimeService runtime;

    AtRiskPlaybooks(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void turnedRed(AccountHealthFacts account, List<HealthFinding> findings) {
        // one playbook per account at a time; a relapse after it ended starts a new one
        if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(account.getAccountId()).count() > 0) {
            return;
        }
        String reasons = findings.stream().filter(f -> "HIGH".equals(f.severity())).map(HealthFinding::reason)
                .collect(Collectors.joining("\n"));
        runtime.startProcessInstanceByKey(PROCESS_KEY, account.getAccountId(), Map.of(
                "accountId", account.getAccountId(), "accountName", account.getAccountName(), "atRiskReasons", reasons));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void recovered(String accountId) {
        runtime.createMessageCorrelation(RECOVERED).processInstanceBusinessKey(accountId).correlateAll();
    }
}
