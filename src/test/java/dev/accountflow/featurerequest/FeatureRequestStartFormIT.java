package dev.accountflow.featurerequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Contact;
import dev.accountflow.account.ContactRole;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.StartForms;
import dev.accountflow.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Tasklist's start form "Log a customer's feature request" (process feature-request-intake): offered to account
 * managers only, its account select lists her own book, and its fields go through the same checks as
 * POST /api/feature-requests, so a refused start names the field, stores nothing and leaves no process behind.
 */
class FeatureRequestStartFormIT extends PostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START = "/engine-rest/process-definition/key/feature-request-intake/submit-form";
    private static final String FORM = "/engine-rest/process-definition/key/feature-request-intake/deployed-start-form";

    @Autowired AccountService accounts;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    private Account ivys;
    private Account neds;
    private Contact champion;

    @BeforeEach
    void accounts() {
        TestUsers.ensure(identity);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        ivys = accounts.createAccount("Intake Health " + unique, Vertical.HEALTHCARE, "NORTHEAST", Tier.ENTERPRISE,
                TestUsers.IVY);
        accounts.addSubscription(ivys.getId(), "Analytics", new BigDecimal("878000"), LocalDate.now().minusMonths(6),
                LocalDate.now().plusMonths(6));
        champion = accounts.addContact(ivys.getId(), "Dana Champion", "dana." + unique + "@intake.example",
                ContactRole.CHAMPION, Instant.now());
        neds = accounts.createAccount("Intake Mutual " + unique, Vertical.INSURANCE, "MIDATLANTIC", Tier.GROWTH,
                TestUsers.NED);
    }

    @Test
    void tasklistOffersTheFormToAccountManagersOnly() throws Exception {
        assertThat(StartForms.keys(get(StartForms.STARTABLE, TestUsers.IVY))).contains("feature-request-intake");
        assertThat(StartForms.keys(get(StartForms.STARTABLE, TestUsers.MAX))).doesNotContain("feature-request-intake");
        assertThat(StartForms.keys(get(StartForms.STARTABLE, TestUsers.PRODUCT_MANAGER))).doesNotContain("feature-request-intake");
        assertThat(StartForms.keys(get(StartForms.STARTABLE, TestUsers.SOLUTION_ENGINEER))).doesNotContain("feature-request-intake");
    }

    @Test
    void theAccountSelectListsHerOwnBookByNameAndNoOneElses() throws Exception {
        Map<String, String> ivysChoices = accountChoices(TestUsers.IVY);
        assertThat(ivysChoices).containsEntry(ivys.getId(), ivys.getName()).doesNotContainKey(neds.getId());
        assertThat(accountChoices(TestUsers.NED)).containsEntry(neds.getId(), neds.getName())
                .doesNotContainKey(ivys.getId());
        List<String> names = new ArrayList<>(ivysChoices.values());
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void anAccountManagerLogsARequestFromTheStartFormAndProductManagementGetsItsReview() throws Exception {
        HttpResponse<String> started = post(START, TestUsers.IVY, form(Map.of()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

        Map<String, Object> row = jdbc.queryForMap("select id, title, contact_id, product_area, business_impact,"
                + " pm_group, arr_at_stake, requested_by from feature_request where account_id = ?", ivys.getId());
        assertThat(row).containsEntry("title", "Export dashboards to PDF").containsEntry("product_area", "ANALYTICS")
                .containsEntry("business_impact", "BLOCKS_RENEWAL").containsEntry("pm_group", "pm-analytics")
                .containsEntry("contact_id", champion.getId()).containsEntry("requested_by", TestUsers.IVY);
        assertThat((BigDecimal) row.get("arr_at_stake")).isEqualByComparingTo("878000");
        Task review = tasks.createTaskQuery().processInstanceBusinessKey((String) row.get("id")).singleResult();
        assertThat(review).as("the review waits for product management").isNotNull();
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .contains("pm-analytics");
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is refused naming the field")
    @CsvSource(delimiter = '|', value = {
            "accountId|EMPTY|accountId: is required",
            "accountId|no-such-account|accountId: no account no-such-account",
            "contactId|nobody|contactId: no contact nobody",
            "opportunityId|no-such-deal|opportunityId: no opportunity no-such-deal",
            "title|EMPTY|title: is required",
            "title|LONG|title: at most 200 characters",
            "description|MEGABYTE|description: at most 10,000 characters",
            "businessImpact|URGENT|businessImpact: 'URGENT' is not one of",
            "productArea|KITCHEN|productArea: 'KITCHEN' is not one of",
            "status|PLANNED|status: not a field of the form",
            "pmGroup|pm-commerce|pmGroup: not a field of the form"})
    void badFieldsAreRefusedAndNothingIsStoredOrStarted(String field, String value, String message) throws Exception {
        String typed = switch (value) {
            case "EMPTY" -> "";
            case "LONG" -> "t".repeat(201);
            case "MEGABYTE" -> "x".repeat(1_000_000);
            default -> value;
        };
        HttpResponse<String> refused = post(START, TestUsers.IVY, form(Map.of(field, typed)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains(message);
        assertNothingStored();
    }

    @Test
    void anotherRepsAccountIsRefusedWithAReasonAndOtherTeamsMayNotStartIt() throws Exception {
        HttpResponse<String> others = post(START, TestUsers.NED, form(Map.of()));
        assertThat(others.statusCode()).as("another rep's account").isEqualTo(403);
        assertThat(JSON.readTree(others.body()).get("error").asText())
                .contains("Only the account's manager logs feature requests for " + ivys.getName());
        assertThat(post(START, TestUsers.MAX, form(Map.of())).statusCode()).as("not offered to managers")
                .isEqualTo(403);
        assertThat(post(START, TestUsers.PRODUCT_MANAGER, form(Map.of())).statusCode()).isEqualTo(403);
        assertThat(post(START, TestUsers.SOLUTION_ENGINEER, form(Map.of())).statusCode()).isEqualTo(403);
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(jdbc.queryForObject("select count(*) from feature_request where account_id = ?", Long.class,
                ivys.getId())).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("feature-request")
                .variableValueEquals("accountId", ivys.getId()).count()).isZero();
        assertThat(StartForms.startsFor(jdbc, "feature-request-intake", ivys.getId())).as("no request left behind").isZero();
    }

    private Map<String, String> accountChoices(String user) throws Exception {
        return StartForms.accountChoices(get(FORM, user));
    }

    private String form(Map<String, String> overrides) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("accountId", ivys.getId(),
                "title", "Export dashboards to PDF", "description", "The board reads the numbers on paper",
                "productArea", "ANALYTICS", "businessImpact", "BLOCKS_RENEWAL"));
        fields.putAll(overrides);
        return StartForms.submitted(fields);
    }
}
