package dev.accountflow.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.StartForms;
import dev.accountflow.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist's start form "Open an expansion or new-business opportunity" (process opportunity-request): offered to
 * account managers only; its fields are claims the server checks as it checks the API, so a refused start names the
 * field, stores nothing and leaves no process behind.
 */
class OpportunityStartFormIT extends PostgresIT {

    private static final String START = "/engine-rest/process-definition/key/opportunity-request/submit-form";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired AccountService accounts;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    private Account account;

    @BeforeEach
    void anAccountOfIvys() {
        TestUsers.ensure(identity);
        account = accounts.createAccount("Start Form Assurance " + UUID.randomUUID().toString().substring(0, 8),
                Vertical.INSURANCE, "NORTHEAST", Tier.ENTERPRISE, TestUsers.IVY);
    }

    @Test
    void tasklistOffersTheFormToAccountManagersOnly() throws Exception {
        assertThat(StartForms.keys(get(StartForms.STARTABLE, TestUsers.IVY))).contains("opportunity-request").doesNotContain("opportunity",
                "renewal");
        assertThat(StartForms.keys(get(StartForms.STARTABLE, TestUsers.MAX))).doesNotContain("opportunity-request");
        assertThat(StartForms.keys(get(StartForms.STARTABLE, TestUsers.SOLUTION_ENGINEER))).doesNotContain("opportunity-request");
    }

    @Test
    void anAccountManagerOpensADealFromTheStartFormAndItsStagesBegin() throws Exception {
        HttpResponse<String> started = post(START, TestUsers.IVY, form(Map.of("amount", "$702,400.00")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        Map<String, Object> row = jdbc.queryForMap("select id, amount, stage, owner_id, type from opportunity"
                + " where account_id = ?", account.getId());
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("702400");
        assertThat(row).containsEntry("stage", "QUALIFY").containsEntry("owner_id", TestUsers.IVY)
                .containsEntry("type", "NEW_BUSINESS");
        var stage = tasks.createTaskQuery().processInstanceBusinessKey((String) row.get("id")).singleResult();
        assertThat(stage.getTaskDefinitionKey()).isEqualTo("Task_WorkStage");
        assertThat(stage.getAssignee()).isEqualTo(TestUsers.IVY);
    }

    @Test
    void theAccountSelectListsHerOwnBookByNameAndNoOneElses() throws Exception {
        Account neds = accounts.createAccount("Start Form Mutual " + UUID.randomUUID().toString().substring(0, 8),
                Vertical.INSURANCE, "MIDATLANTIC", Tier.ENTERPRISE, TestUsers.NED);
        String form = "/engine-rest/process-definition/key/opportunity-request/deployed-start-form";
        assertThat(StartForms.accountChoices(get(form, TestUsers.IVY))).containsEntry(account.getId(), account.getName())
                .doesNotContainKey(neds.getId());
        assertThat(StartForms.accountChoices(get(form, TestUsers.NED))).containsEntry(neds.getId(), neds.getName())
                .doesNotContainKey(account.getId());
    }

    @Test
    void sheNamesHerAccountAsOnHerBookInAnyCase() throws Exception {
        HttpResponse<String> started = post(START, TestUsers.IVY,
                form(Map.of("accountId", "  " + account.getName().toUpperCase() + " ")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from opportunity where account_id = ? and owner_id = ?",
                Long.class, account.getId(), TestUsers.IVY)).isOne();
    }

    @Test
    void anotherRepsAccountNamedIsRefusedLikeAnUnknownOne() throws Exception {
        Account neds = accounts.createAccount("Start Form Mutual " + UUID.randomUUID().toString().substring(0, 8),
                Vertical.INSURANCE, "MIDATLANTIC", Tier.ENTERPRISE, TestUsers.NED);
        HttpResponse<String> refused = post(START, TestUsers.IVY, form(Map.of("accountId", neds.getName())));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("accountId: no account in your book is named or numbered '"
                + neds.getName() + "'");
        assertThat(jdbc.queryForObject("select count(*) from opportunity where account_id = ?", Long.class,
                neds.getId())).isZero();
        assertNothingStored();
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is refused naming the field")
    @CsvSource(delimiter = '|', value = {
            "accountId|no-such-account|400|accountId: no account in your book is named or numbered 'no-such-account'",
            "amount|-5|400|amount:",
            "amount|12.345|400|amount:",
            "closeDate|PAST|400|closeDate:",
            "partnerId|no-such-partner|400|partnerId: no partner 'no-such-partner'",
            "type|RENEWAL|400|type: pick Expansion or New business",
            "ownerId|ned|400|ownerId: not a field of the form",
            "stage|NEGOTIATION|400|stage: not a field of the form"})
    void badFieldsAreRefusedAndNothingIsStoredOrStarted(String field, String value, int status, String message)
            throws Exception {
        String typed = "PAST".equals(value) ? TODAY.minusDays(3).toString() : value;
        HttpResponse<String> refused = post(START, TestUsers.IVY, form(Map.of(field, typed)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(status);
        assertThat(refused.body()).contains(message);
        assertNothingStored();
    }

    @Test
    void anotherRepsAccountAManagerAndOtherTeamsAreRefused() throws Exception {
        assertThat(post(START, TestUsers.NED, form(Map.of())).statusCode()).as("another rep's account").isEqualTo(403);
        assertThat(post(START, TestUsers.MAX, form(Map.of())).statusCode()).as("not offered to managers")
                .isEqualTo(403);
        assertThat(post(START, TestUsers.PRODUCT_MANAGER, form(Map.of())).statusCode()).isEqualTo(403);
        assertThat(post(START, TestUsers.SOLUTION_ENGINEER, form(Map.of())).statusCode()).isEqualTo(403);
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(jdbc.queryForObject("select count(*) from opportunity where account_id = ?", Long.class,
                account.getId())).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("opportunity")
                .variableValueEquals("accountId", account.getId()).count()).isZero();
        assertThat(StartForms.startsFor(jdbc, "opportunity-request", account.getId())).as("no request left behind").isZero();
    }

    private String form(Map<String, String> overrides) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("accountId", account.getId(), "type", "NEW_BUSINESS",
                "name", "Claims analytics for the brokers", "product", "Claims Analytics", "amount", "125,000",
                "closeDate", TODAY.plusDays(45).toString()));
        fields.putAll(overrides);
        return StartForms.submitted(fields);
    }
}
