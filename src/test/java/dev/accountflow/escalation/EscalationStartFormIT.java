package dev.accountflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.StartForms;
import dev.accountflow.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist's start form "Raise a customer escalation" (process customer-escalation-intake): offered to account
 * managers only, its account select lists her own book, and its fields go through the same checks as
 * POST /api/escalations, so a refused start names the field, stores nothing and leaves no process behind.
 */
class EscalationStartFormIT extends PostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START = "/engine-rest/process-definition/key/customer-escalation-intake/submit-form";
    private static final String FORM = "/engine-rest/process-definition/key/customer-escalation-intake/deployed-start-form";

    @Autowired AccountService accounts;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    private Account ivys;
    private Account neds;

    @BeforeEach
    void accounts() {
        TestUsers.ensure(identity);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        ivys = accounts.createAccount("Escalating Health " + unique, Vertical.HEALTHCARE, "NORTHEAST", Tier.STRATEGIC,
                TestUsers.IVY);
        neds = accounts.createAccount("Escalating Mutual " + unique, Vertical.INSURANCE, "MIDATLANTIC", Tier.GROWTH,
                TestUsers.NED);
    }

    @Test
    void tasklistOffersTheFormToAccountManagersOnlyWithHerOwnBook() throws Exception {
        assertThat(StartForms.keys(get(StartForms.STARTABLE, TestUsers.IVY))).contains("customer-escalation-intake");
        assertThat(StartForms.keys(get(StartForms.STARTABLE, TestUsers.MAX))).doesNotContain("customer-escalation-intake");
        assertThat(StartForms.keys(get(StartForms.STARTABLE, TestUsers.SUPPORT))).doesNotContain("customer-escalation-intake");
        assertThat(StartForms.accountChoices(get(FORM, TestUsers.IVY))).containsEntry(ivys.getId(), ivys.getName())
                .doesNotContainKey(neds.getId());
    }

    @Test
    void anAccountManagerRaisesAnEscalationFromTheStartFormAndTheDivisionGetsIt() throws Exception {
        HttpResponse<String> started = post(START, TestUsers.IVY, form(Map.of()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

        Map<String, Object> row = jdbc.queryForMap("select id, division, severity, routed_group, acknowledge_hours,"
                + " raised_by from escalation where account_id = ?", ivys.getId());
        assertThat(row).containsEntry("division", "BILLING").containsEntry("severity", "S1")
                .containsEntry("routed_group", "billing").containsEntry("acknowledge_hours", 4)
                .containsEntry("raised_by", TestUsers.IVY);
        Task acknowledge = tasks.createTaskQuery().processInstanceBusinessKey((String) row.get("id")).singleResult();
        assertThat(tasks.getIdentityLinksForTask(acknowledge.getId())).extracting(IdentityLink::getGroupId)
                .contains("billing");
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is refused naming the field")
    @CsvSource(delimiter = '|', value = {
            "accountId|EMPTY|accountId: is required",
            "accountId|no-such-account|accountId: no account no-such-account",
            "division|MARKETING|division: 'MARKETING' is not one of",
            "severity|S9|severity: 'S9' is not one of",
            "summary|EMPTY|summary: is required",
            "customerImpact|MEGABYTE|customerImpact: at most 10,000 characters",
            "contactId|nobody|contactId: no contact nobody",
            "routedGroup|legal|routedGroup: not a field of the form"})
    void badFieldsAreRefusedAndNothingIsStoredOrStarted(String field, String value, String message) throws Exception {
        String typed = switch (value) {
            case "EMPTY" -> "";
            case "MEGABYTE" -> "x".repeat(1_000_000);
            default -> value;
        };
        HttpResponse<String> refused = post(START, TestUsers.IVY, form(Map.of(field, typed)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains(message);
        assertNothingStored();
    }

    @Test
    void anotherRepsAccountIsRefusedWithAReason() throws Exception {
        HttpResponse<String> others = post(START, TestUsers.NED, form(Map.of()));
        assertThat(others.statusCode()).as("another rep's account").isEqualTo(403);
        assertThat(JSON.readTree(others.body()).get("error").asText())
                .contains("Only the account's manager raises escalations for " + ivys.getName());
        assertThat(post(START, TestUsers.MAX, form(Map.of())).statusCode()).as("not offered to managers")
                .isEqualTo(403);
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(jdbc.queryForObject("select count(*) from escalation where account_id = ?", Long.class,
                ivys.getId())).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("customer-escalation")
                .variableValueEquals("accountId", ivys.getId()).count()).isZero();
        assertThat(StartForms.startsFor(jdbc, "customer-escalation-intake", ivys.getId())).as("nothing left behind")
                .isZero();
    }

    private String form(Map<String, String> overrides) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("accountId", ivys.getId(), "division", "BILLING",
                "severity", "S1", "summary", "Invoices doubled", "customerImpact", "Finance cannot close the month"));
        fields.putAll(overrides);
        return StartForms.submitted(fields);
    }
}
