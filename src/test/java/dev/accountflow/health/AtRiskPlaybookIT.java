package dev.accountflow.health;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.ContactRole;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The health rules drive the at-risk playbook: one per red spell of an account, ended by the rules, not by hand. */
class AtRiskPlaybookIT extends PostgresIT {

    @Autowired AccountService accounts;
    @Autowired HealthService health;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired IdentityService identity;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
        init(engine);
    }

    @Test
    void aPlaybookStartsOnceEndsWhenTheAccountRecoversAndStartsAgainOnARelapse() {
        Account account = accounts.createAccount("Granite Ridge Mutual " + UUID.randomUUID().toString().substring(0, 6),
                Vertical.INSURANCE, "NORTHEAST", Tier.ENTERPRISE, TestUsers.NED);
        accounts.addContact(account.getId(), "Sam Sponsor", "sam@example.com", ContactRole.EXECUTIVE_SPONSOR,
                Instant.now().minus(5, ChronoUnit.DAYS));
        signal(account, -30, 1);

        health.assess(account.getId());
        health.assess(account.getId());
        List<HistoricProcessInstance> playbooks = playbooksOf(account);
        org.assertj.core.api.Assertions.assertThat(playbooks).as("one playbook however often the rules look").hasSize(1);
        var first = runtime.createProcessInstanceQuery().processInstanceId(playbooks.get(0).getId()).singleResult();
        assertThat(first).isWaitingAt("Task_FindRootCause").variables().containsEntry("atRiskReasons",
                "Active users down 30%");

        signal(account, 3, 2);
        health.assess(account.getId());
        assertThat(first).isEnded().hasPassed("End_RecoveredEarly");

        signal(account, -28, 3);
        health.assess(account.getId());
        org.assertj.core.api.Assertions.assertThat(playbooksOf(account)).as("a relapse starts a new playbook").hasSize(2);
        org.assertj.core.api.Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("at-risk-playbook")
                .processInstanceBusinessKey(account.getId()).count()).isEqualTo(1);
    }

    private List<HistoricProcessInstance> playbooksOf(Account account) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("at-risk-playbook")
                .processInstanceBusinessKey(account.getId()).list();
    }

    private void signal(Account account, int usageChangePct, int minutesLater) {
        accounts.addHealthSignal(account.getId(), Instant.now().plus(minutesLater, ChronoUnit.MINUTES),
                BigDecimal.valueOf(usageChangePct), 0, BigDecimal.valueOf(4.5));
    }
}
