package dev.accountflow.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.ContactRole;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.notification.MailDelivery;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Expansion and new business on PostgreSQL: the API refuses bad requests without storing anything, and a deal runs
 * through the real stage-gate rules, solution engineering's answer, a partner e-mail over SMTP and a won close.
 */
class OpportunityIT extends PostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired AccountService accounts;
    @Autowired OpportunityService opportunities;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired MailDelivery mailDelivery;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
        mailDelivery.deliverDue(Instant.now().plus(Duration.ofDays(1)));
        smtp().reset();
    }

    @Test
    void badRequestsNameTheFieldAndStoreNothingAndStartNothing() throws Exception {
        Account mine = account("Keystone Mutual " + unique(), Vertical.INSURANCE, TestUsers.IVY, 10);
        Account neds = account("Delaware Trust " + unique(), Vertical.FINANCIAL_SERVICES, TestUsers.NED, 10);
        long opportunitiesBefore = count("opportunity");
        long processesBefore = runtime.createProcessInstanceQuery().processDefinitionKey("opportunity").count();

        assertRefused(request("no-such-account", "EXPANSION", "120000", TODAY.plusDays(60), null), 400, "accountId:");
        assertRefused(request(neds.getId(), "EXPANSION", "120000", TODAY.plusDays(60), null), 403, null);
        assertRefused(request(mine.getId(), "EXPANSION", "-5000", TODAY.plusDays(60), null), 400, "amount:");
        assertRefused(request(mine.getId(), "NEW_BUSINESS", "120000", TODAY.minusDays(1), null), 400, "closeDate:");
        assertRefused(request(mine.getId(), "EXPANSION", "120000", TODAY.plusDays(60), "no-such-partner"), 400,
                "partnerId:");
        assertRefused(request(mine.getId(), "RENEWAL", "120000", TODAY.plusDays(60), null), 400, "type:");

        assertThat(count("opportunity")).isEqualTo(opportunitiesBefore);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("opportunity").count())
                .isEqualTo(processesBefore);
    }

    @Test
    void aHealthcareExpansionIsBlockedAtProposalUntilSolutionEngineeringAnswersAndAtNegotiationUntilCompliance()
            throws Exception {
        Account account = account("Harbor Health System " + unique(), Vertical.HEALTHCARE, TestUsers.IVY, 12);
        String partnerId = partner("Northwind Integrators", "deals@northwind.test");
        HttpResponse<String> created = post("/api/opportunities", TestUsers.IVY,
                request(account.getId(), "EXPANSION", "120000", TODAY.plusDays(80), partnerId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        assertThat(JSON.readTree(created.body()).get("stage").asText()).isEqualTo("QUALIFY");
        assertThat(JSON.readTree(created.body()).get("probability").asInt()).isEqualTo(10);

        Task stage = stageTask(id);
        assertThat(stage.getAssignee()).isEqualTo(TestUsers.IVY);
        advance(stage);
        advance(stageTask(id));
        assertThat(opportunity(id).getStage()).isEqualTo(Stage.SOLUTION_DEVELOPMENT);
        assertThat(opportunity(id).getProbability()).isEqualTo(40);
        assertThat(opportunity(id).getForecastCategory()).isEqualTo(ForecastCategory.BEST_CASE);

        advance(stageTask(id));
        Opportunity blocked = opportunity(id);
        assertThat(blocked.getStage()).as("a blocked move keeps the stage").isEqualTo(Stage.SOLUTION_DEVELOPMENT);
        assertThat(blocked.getGateReasons()).contains("Solution engineering has not contributed yet");
        assertThat(String.valueOf(tasks.getVariable(stageTask(id).getId(), "gateReasons")))
                .contains("Solution engineering has not contributed yet");
        HttpResponse<String> why = get("/api/decisions?subjectType=opportunity&subjectId=" + id, TestUsers.MAX);
        assertThat(why.body()).contains("No proposal before solution engineering has contributed");

        assertThat(complete(stageTask(id), TestUsers.IVY, Map.of("nextStep", "ASK_SOLUTION_ENGINEERING",
                "helpRequest", "Demo of the analytics module for the CFO")).statusCode()).isEqualTo(204);
        Task demo = tasks.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey("Task_SolutionEngineeringAssist").singleResult();
        assertThat(tasks.getIdentityLinksForTask(demo.getId())).anySatisfy(l ->
                assertThat(l.getGroupId()).isEqualTo("solution-engineering"));
        assertThat(demo.getDueDate()).isNotNull();
        assertThat(complete(demo, TestUsers.SOLUTION_ENGINEER, Map.of("assistNotes", "Demo given, CFO convinced",
                "attachmentLink", "https://docs.example/demo")).statusCode()).isEqualTo(204);
        assertThat(opportunity(id).getAssistanceNotes()).contains("Demo given, CFO convinced");

        advance(stageTask(id));
        assertThat(opportunity(id).getStage()).as("the gate passes once SE answered").isEqualTo(Stage.PROPOSAL);

        advance(stageTask(id));
        assertThat(opportunity(id).getStage()).isEqualTo(Stage.PROPOSAL);
        assertThat(opportunity(id).getGateReasons()).contains("compliance review");

        assertThat(complete(stageTask(id), TestUsers.IVY, Map.of("nextStep", "ASK_PARTNER",
                "helpRequest", "Can you co-sell the rollout?")).statusCode()).isEqualTo(204);
        assertThat(mailDelivery.deliverDue(Instant.now())).isGreaterThanOrEqualTo(1);
        MimeMessage[] mail = smtp().getReceivedMessages();
        assertThat(mail).anySatisfy(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("deals@northwind.test");
            assertThat(m.getSubject()).contains("Harbor Health System");
            assertThat(m.getContent().toString()).contains("Can you co-sell the rollout?").contains("$120,000");
        });

        assertThat(complete(stageTask(id), TestUsers.IVY, Map.of("nextStep", "ADVANCE", "complianceReviewed", true))
                .statusCode()).isEqualTo(204);
        assertThat(opportunity(id).getStage()).isEqualTo(Stage.NEGOTIATION);
        assertThat(opportunity(id).getForecastCategory()).isEqualTo(ForecastCategory.COMMIT);

        advance(stageTask(id));
        assertThat(opportunity(id).getStage()).isEqualTo(Stage.CLOSED_WON);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
    }

    @Test
    void servicesEstimateTypedWithCommasLandsOnTheDealAndALostDealKeepsItsReason() throws Exception {
        Account account = account("Granite Title " + unique(), Vertical.INSURANCE, TestUsers.IVY, 5);
        HttpResponse<String> created = post("/api/opportunities", TestUsers.IVY,
                request(account.getId(), "NEW_BUSINESS", "80000", TODAY.plusDays(40), null));
        String id = JSON.readTree(created.body()).get("id").asText();

        complete(stageTask(id), TestUsers.IVY, Map.of("nextStep", "ASK_SERVICES", "helpRequest", "Estimate, 2 sites"));
        Task estimate = tasks.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey("Task_ServicesEstimate").singleResult();
        assertThat(complete(estimate, TestUsers.SERVICES, Map.of("assistNotes", "Two sites, four weeks",
                "servicesEstimate", "45,000")).statusCode()).isEqualTo(204);
        assertThat(opportunity(id).getServicesEstimate()).isEqualByComparingTo("45000");

        assertThat(complete(stageTask(id), TestUsers.IVY, Map.of("nextStep", "LOST",
                "lossReason", "Chose the incumbent")).statusCode()).isEqualTo(204);
        assertThat(opportunity(id).getStage()).isEqualTo(Stage.CLOSED_LOST);
        assertThat(opportunity(id).getLossReason()).isEqualTo("Chose the incumbent");
        assertThat(opportunity(id).getForecastCategory()).isEqualTo(ForecastCategory.OMITTED);
    }

    @Test
    void aRepListsOnlyHerOwnOpportunities() throws Exception {
        Account neds = account("Chesapeake Mutual " + unique(), Vertical.INSURANCE, TestUsers.NED, 5);
        HttpResponse<String> created = post("/api/opportunities", TestUsers.NED,
                request(neds.getId(), "EXPANSION", "30000", TODAY.plusDays(30), null));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();

        JsonNode ivys = JSON.readTree(get("/api/opportunities?size=200", TestUsers.IVY).body());
        ivys.get("content").forEach(o -> assertThat(o.get("ownerId").asText()).isEqualTo(TestUsers.IVY));
        assertThat(get("/api/opportunities?size=200", TestUsers.MAX).statusCode()).isEqualTo(200);
        assertThat(get("/api/opportunities?size=201", TestUsers.MAX).statusCode()).isEqualTo(400);
        assertThat(opportunity(id).getOwnerId()).isEqualTo(TestUsers.NED);
    }

    private void assertRefused(String body, int status, String detailPrefix) throws Exception {
        HttpResponse<String> response = post("/api/opportunities", TestUsers.IVY, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("error").asText()).isNotBlank();
        if (detailPrefix != null) {
            List<String> details = new ArrayList<>();
            json.get("details").forEach(d -> details.add(d.asText()));
            assertThat(details).anySatisfy(d -> assertThat(d).startsWith(detailPrefix));
        }
    }

    private static String request(String accountId, String type, String amount, LocalDate closeDate, String partnerId)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", accountId);
        body.put("type", type);
        body.put("name", "Analytics " + type.toLowerCase());
        body.put("product", "Analytics");
        body.put("amount", new java.math.BigDecimal(amount));
        body.put("closeDate", closeDate.toString());
        if (partnerId != null) {
            body.put("partnerId", partnerId);
        }
        return JSON.writeValueAsString(body);
    }

    private void advance(Task task) throws Exception {
        HttpResponse<String> done = complete(task, TestUsers.IVY, Map.of("nextStep", "ADVANCE"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    private HttpResponse<String> complete(Task task, String user, Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v, "type", v instanceof Boolean ? "Boolean" : "String")));
        return post("/engine-rest/task/" + task.getId() + "/complete", user,
                JSON.writeValueAsString(Map.of("variables", variables)));
    }

    private Task stageTask(String opportunityId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(opportunityId).taskDefinitionKey("Task_WorkStage")
                .singleResult();
    }

    private Opportunity opportunity(String id) {
        return opportunities.find(id).orElseThrow();
    }

    private Account account(String name, Vertical vertical, String owner, int daysSinceSponsor) {
        Account account = accounts.createAccount(name, vertical, "NORTHEAST", Tier.ENTERPRISE, owner);
        accounts.addContact(account.getId(), "Lee Sponsor", "lee@example.org", ContactRole.EXECUTIVE_SPONSOR,
                Instant.now().minus(Duration.ofDays(daysSinceSponsor)));
        return account;
    }

    private String partner(String name, String email) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into partner (id, name, kind, contact_email) values (?, ?, 'INTEGRATOR', ?)", id, name,
                email);
        return id;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
