package dev.accountflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.notification.MailDelivery;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customer escalations over the API on PostgreSQL with GreenMail: routing by the table, one AM notice per step, the
 * breach told to the division's manager and the sales managers once, bad input and another rep's account refused.
 */
class EscalationApiIT extends PostgresIT {

    private static final String BILLING_MANAGER = "bree";

    @Autowired AccountService accounts;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired MailDelivery mailDelivery;
    @Autowired JdbcTemplate jdbc;
    @Autowired dev.accountflow.health.HealthService health;
    @Autowired dev.accountflow.renewal.RenewalWindow renewalWindow;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
        if (identity.createUserQuery().userId(BILLING_MANAGER).count() == 0) {
            User user = identity.newUser(BILLING_MANAGER);
            user.setFirstName("Bree");
            user.setLastName("Tester");
            user.setEmail(BILLING_MANAGER + "@accountflow.test");
            user.setPassword(TestUsers.PASSWORD);
            identity.saveUser(user);
            identity.createMembership(BILLING_MANAGER, "billing-managers");
        }
        mailDelivery.deliverDue(Instant.now().plus(Duration.ofDays(1)));
        smtp().reset();
    }

    @Test
    void anS1BillingEscalationIsRoutedAcknowledgedWorkedResolvedAndConfirmedTellingTheAmOncePerStep() throws Exception {
        Account account = account(TestUsers.IVY, Tier.STRATEGIC);
        HttpResponse<String> raised = post("/api/escalations", TestUsers.IVY, body(account.getId(), "BILLING", "S1",
                "Invoices doubled", "Finance cannot close the month"));
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        JsonNode escalation = json.readTree(raised.body());
        String id = escalation.get("id").asText();
        assertThat(escalation.get("status").asText()).isEqualTo("OPEN");
        assertThat(escalation.get("routedGroup").asText()).isEqualTo("billing");
        assertThat(escalation.get("acknowledgeWithinHours").asInt()).isEqualTo(4);
        assertThat(escalation.get("resolveWithinBusinessDays").asInt()).isEqualTo(2);
        assertThat(escalation.get("acknowledgeBy").asText()).isNotBlank();

        JsonNode why = json.readTree(get("/api/decisions?subjectType=escalation&subjectId=" + id, TestUsers.MAX).body());
        assertThat(why.toString()).contains("Billing escalations go to billing")
                .contains("S1 on a strategic account: acknowledge within 4 business hours");

        Task acknowledge = openTask(id);
        assertThat(acknowledge.getTaskDefinitionKey()).isEqualTo("Task_AcknowledgeEscalation");
        assertThat(tasks.getIdentityLinksForTask(acknowledge.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("billing");
        assertThat(amMails(account)).extracting(this::subject).containsExactly(
                "Escalation routed to billing — " + account.getName());

        tasks.claim(acknowledge.getId(), TestUsers.BILLING);
        tasks.complete(acknowledge.getId(), Map.of("acknowledgeNote", "Looking at the invoice run"));
        Task work = openTask(id);
        tasks.claim(work.getId(), TestUsers.BILLING);
        tasks.complete(work.getId(), Map.of("workNote", "Credit note drafted", "resolved", false));
        Task workAgain = openTask(id);
        assertThat(workAgain.getTaskDefinitionKey()).isEqualTo("Task_WorkEscalation");
        tasks.claim(workAgain.getId(), TestUsers.BILLING);
        tasks.complete(workAgain.getId(), Map.of("resolved", true, "resolution", "Duplicate invoices voided"));

        assertThat(amMails(account)).extracting(this::subject).containsExactly(
                "Escalation routed to billing — " + account.getName(),
                "Escalation acknowledged by bill — " + account.getName(),
                "Note on the escalation from bill — " + account.getName(),
                "Escalation resolved — " + account.getName());
        assertThat(GreenMailUtil.getBody(amMails(account).get(3))).contains("Duplicate invoices voided");

        Task confirm = openTask(id);
        assertThat(confirm.getTaskDefinitionKey()).isEqualTo("Task_ConfirmWithCustomer");
        assertThat(confirm.getAssignee()).isEqualTo(TestUsers.IVY);
        JsonNode page = json.readTree(get("/api/accounts/" + account.getId() + "/escalations", TestUsers.IVY).body());
        assertThat(page.get(0).get("status").asText()).isEqualTo("Resolved");
        assertThat(page.get(0).get("resolution").asText()).isEqualTo("Duplicate invoices voided");
        assertThat(page.get(0).get("history")).extracting(h -> h.get("what").asText())
                .containsExactly("Raised", "Routed", "Acknowledged", "Note", "Resolved");
        assertThat(get("/api/accounts/" + account.getId() + "/escalations", TestUsers.NED).statusCode()).isEqualTo(404);

        tasks.complete(confirm.getId(), Map.of("customerConfirmed", true));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
        JsonNode closed = json.readTree(get("/api/escalations?size=200", TestUsers.BILLING).body());
        assertThat(closed.get("content").findValuesAsText("id")).contains(id);
        assertThat(jdbc.queryForObject("select status from escalation where id = ?", String.class, id))
                .isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select hours_to_acknowledge is not null and hours_to_resolve is not null"
                + " from escalation where id = ?", Boolean.class, id)).isTrue();
        assertThat(amMails(account)).as("closing is the AM's own step: no mail to herself").hasSize(4);
        assertThat(json.readTree(get("/api/escalations?size=200", TestUsers.NED).body()).get("content")
                .findValuesAsText("id")).doesNotContain(id);
    }

    @Test
    void aBreachTellsTheDivisionManagerAndTheSalesManagersOnceAndTheGroupIsRemindedFirst() throws Exception {
        Account account = account(TestUsers.IVY, Tier.STRATEGIC);
        String id = json.readTree(post("/api/escalations", TestUsers.IVY, body(account.getId(), "BILLING", "S1",
                "Payments rejected", "No renewal invoice can be paid")).body()).get("id").asText();
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();

        management.executeJob(timer(process, "Timer_AcknowledgeReminder").getId());
        assertThat(mailsTo(TestUsers.BILLING)).extracting(this::subject).containsExactly(
                "SLA reminder: acknowledge by " + Escalations.shown(acknowledgeBy(id)) + " — " + account.getName());

        management.executeJob(timer(process, "Timer_AcknowledgeBreached").getId());
        management.executeJob(timer(process, "Timer_ResolveReminder").getId());
        management.executeJob(timer(process, "Timer_ResolveBreached").getId());

        String breach = "SLA breached: S1 Billing escalation — " + account.getName();
        assertThat(mailsTo(BILLING_MANAGER)).extracting(this::subject).containsExactly(breach);
        assertThat(mailsTo(TestUsers.MAX)).extracting(this::subject).containsExactly(breach);
        assertThat(amMails(account)).extracting(this::subject).containsExactly(
                "Escalation routed to billing — " + account.getName(), breach);
        assertThat(openTask(id).getTaskDefinitionKey()).as("the division still has to acknowledge")
                .isEqualTo("Task_AcknowledgeEscalation");
        JsonNode shown = json.readTree(get("/api/escalations?size=200", TestUsers.MAX).body());
        assertThat(shown.toString()).contains(id);
        assertThat(jdbc.queryForObject("select breached_at is not null from escalation where id = ?", Boolean.class, id))
                .isTrue();

        HttpResponse<String> page = get("/escalations", TestUsers.MAX);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Breaches").contains(account.getName()).contains("Payments rejected")
                .contains("Time to acknowledge and resolve").contains("Billing");
        HttpResponse<String> queue = get("/escalations", TestUsers.BILLING);
        assertThat(queue.body()).contains("Your queue: billing").contains("Payments rejected")
                .doesNotContain("id=\"escalation-breaches\"");
    }

    @Test
    void theLinkedDealsTasksShowTheOpenEscalationAndWhereItStands() throws Exception {
        Account account = account(TestUsers.IVY, Tier.ENTERPRISE);
        HttpResponse<String> deal = post("/api/opportunities", TestUsers.IVY, "{\"accountId\":\"" + account.getId()
                + "\",\"type\":\"EXPANSION\",\"name\":\"Escalated expansion\",\"product\":\"Analytics\","
                + "\"amount\":50000,\"closeDate\":\"" + LocalDate.now().plusDays(60) + "\"}");
        assertThat(deal.statusCode()).as(deal.body()).isEqualTo(201);
        String dealId = json.readTree(deal.body()).get("id").asText();
        String summary = "Single sign-on broken " + unique();

        HttpResponse<String> raised = post("/api/escalations", TestUsers.IVY, json.writeValueAsString(Map.of(
                "accountId", account.getId(), "division", "SUPPORT", "severity", "S2", "summary", summary,
                "customerImpact", "Nobody can sign in", "opportunityId", dealId)));
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);

        Task stage = tasks.createTaskQuery().processInstanceBusinessKey(dealId).list().get(0);
        String shown = (String) tasks.getVariable(stage.getId(), "customerEscalations");
        assertThat(shown).contains("S2 Support").contains(summary).contains("Acknowledge by")
                .contains("/accounts/" + account.getId() + "#escalations");

        Task acknowledge = openTask(json.readTree(raised.body()).get("id").asText());
        tasks.claim(acknowledge.getId(), TestUsers.SUPPORT);
        tasks.complete(acknowledge.getId());
        assertThat((String) tasks.getVariable(stage.getId(), "customerEscalations")).as("where it stands now")
                .contains("Resolve by");
    }

    @Test
    void aRenewalStartedLaterCarriesTheAccountsOpenEscalationsOnItsTasksAndTheyFollowEachStep() throws Exception {
        Account account = accounts.createAccount("Renewing Client " + unique(), Vertical.INSURANCE, "NORTHEAST",
                Tier.GROWTH, TestUsers.IVY);
        var renewing = accounts.addSubscription(account.getId(), "Claims Suite " + unique(), new BigDecimal("90000"),
                LocalDate.now().minusMonths(11), LocalDate.now().plusDays(45));
        String summary = "Claims export stuck " + unique();
        String id = json.readTree(post("/api/escalations", TestUsers.IVY, body(account.getId(), "SUPPORT", "S3",
                summary, "Adjusters re-key claims")).body()).get("id").asText();

        renewalWindow.startDueRenewals(LocalDate.now());
        Task renewalTask = tasks.createTaskQuery().processInstanceBusinessKey(renewing.getId()).active().singleResult();
        assertThat(renewalTask.getProcessDefinitionId()).startsWith("renewal:");
        assertThat((String) tasks.getVariable(renewalTask.getId(), "customerEscalations"))
                .as("the task created after the escalation carries it").startsWith("- S3 Support: [" + summary + "]")
                .contains("Acknowledge by");

        Task acknowledge = openTask(id);
        tasks.claim(acknowledge.getId(), TestUsers.SUPPORT);
        tasks.complete(acknowledge.getId());
        assertThat((String) tasks.getVariable(renewalTask.getId(), "customerEscalations")).contains("Resolve by");
    }

    @Test
    void aSalesManagerSimulatesAShorterS3WindowOverTheEscalationsNotYetClosed() throws Exception {
        Account account = account(TestUsers.IVY, Tier.ENTERPRISE);
        String summary = "Reports late " + unique();
        assertThat(post("/api/escalations", TestUsers.IVY, body(account.getId(), "SUPPORT", "S3", summary,
                "Month-end reports are a day late")).statusCode()).isEqualTo(201);

        JsonNode table = json.readTree(get("/api/rule-sets/escalation-routing/table", TestUsers.MAX).body());
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        table.get("rows").forEach(r -> {
            Map<String, Object> cells = new java.util.LinkedHashMap<>(json.convertValue(r.get("cells"), Map.class));
            if ("S3".equals(cells.get("severity"))) {
                cells.put("acknowledgeWithinHours", "12");
            }
            rows.add(Map.of("name", r.get("name").asText(), "cells", cells));
        });
        int latest = jdbc.queryForObject("select max(version) from rule_set_version where rule_set = 'escalation-routing'",
                Integer.class);
        HttpResponse<String> draft = post("/api/rule-sets/escalation-routing/versions", TestUsers.MAX,
                json.writeValueAsString(Map.of("baseVersion", latest, "comment", "S3 acknowledged sooner", "rows", rows)));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        int version = json.readTree(draft.body()).get("version").asInt();

        HttpResponse<String> simulated = post("/api/rule-sets/escalation-routing/versions/" + version + "/simulate",
                TestUsers.MAX, "");
        assertThat(simulated.statusCode()).as(simulated.body()).isEqualTo(200);
        assertThat(json.readTree(simulated.body()).get("impact").toString())
                .contains("Escalations not yet closed routed differently")
                .contains("S3 " + summary + " (" + account.getName() + "): support, acknowledge within 24 business hours")
                .contains("→ support, acknowledge within 12 business hours");
    }

    @Test
    void openEscalationsAreHealthFactsCountedWithTheSignalsNumberOldestAgeAndWorstSeverity() throws Exception {
        Account account = account(TestUsers.IVY, Tier.ENTERPRISE);
        accounts.addHealthSignal(account.getId(), Instant.now(), null, 1, null);
        for (String severity : List.of("S3", "S2")) {
            assertThat(post("/api/escalations", TestUsers.IVY, body(account.getId(), "SUPPORT", severity,
                    "Outage " + severity, "Reports are late")).statusCode()).isEqualTo(201);
        }
        jdbc.update("update escalation set created_at = created_at - interval '6 days' where account_id = ?"
                + " and severity = 'S3'", account.getId());

        var facts = health.currentFacts(account.getId());
        assertThat(facts.getOpenCustomerEscalations()).isEqualTo(2);
        assertThat(facts.getOpenEscalations()).as("the greater of the signal's 1 and the 2 raised").isEqualTo(2);
        assertThat(facts.getOldestOpenEscalationDays()).isEqualTo(6);
        assertThat(facts.getWorstOpenEscalationSeverity()).isEqualTo("S2");

        jdbc.update("update escalation set status = 'CLOSED' where account_id = ?", account.getId());
        var closed = health.currentFacts(account.getId());
        assertThat(closed.getOpenCustomerEscalations()).isZero();
        assertThat(closed.getOpenEscalations()).as("the signal's number stands").isEqualTo(1);
        assertThat(closed.getOldestOpenEscalationDays()).isNull();
        assertThat(closed.getWorstOpenEscalationSeverity()).isNull();
    }

    @Test
    void badInputIsA400NamingTheFieldAndAnotherRepsAccountA403WithNothingStoredOrStarted() throws Exception {
        Account ivys = account(TestUsers.IVY, Tier.ENTERPRISE);
        long escalationsBefore = count("select count(*) from escalation");
        long processesBefore = runtime.createProcessInstanceQuery().processDefinitionKey("customer-escalation").count();

        assertRefused(post("/api/escalations", TestUsers.IVY, body(ivys.getId(), "MARKETING", "S2", "Help", "Impact")),
                400, "division");
        assertRefused(post("/api/escalations", TestUsers.IVY, body(ivys.getId(), "SUPPORT", "S9", "Help", "Impact")),
                400, "severity");
        assertRefused(post("/api/escalations", TestUsers.IVY, body(ivys.getId(), "SUPPORT", "S2", "  ", "Impact")),
                400, "summary");
        assertRefused(post("/api/escalations", TestUsers.IVY, body(ivys.getId(), "SUPPORT", "S2", "Help",
                "x".repeat(1024 * 1024))), 400, "customerImpact");
        assertRefused(post("/api/escalations", TestUsers.IVY, body(ivys.getId(), "SUPPORT", "S2", "Help",
                "Down\u0000since Monday")), 400, "customerImpact");
        assertRefused(post("/api/escalations", TestUsers.IVY, "{\"accountId\":\"" + ivys.getId()
                + "\",\"division\":\"SUPPORT\",\"severity\":\"S2\",\"summary\":\"Help\",\"customerImpact\":\"Down\","
                + "\"contactId\":\"no-such-contact\"}"), 400, "contactId");
        assertRefused(post("/api/escalations", TestUsers.IVY, body("no-such-account", "SUPPORT", "S2", "Help", "Down")),
                400, "accountId");
        assertRefused(post("/api/escalations", TestUsers.NED, body(ivys.getId(), "SUPPORT", "S2", "Help", "Down")),
                403, null);
        assertRefused(post("/api/escalations", TestUsers.BILLING, body(ivys.getId(), "SUPPORT", "S2", "Help", "Down")),
                403, null);

        assertThat(count("select count(*) from escalation")).isEqualTo(escalationsBefore);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("customer-escalation").count())
                .isEqualTo(processesBefore);
    }

    private Instant acknowledgeBy(String id) {
        return jdbc.queryForObject("select acknowledge_by from escalation where id = ?", java.sql.Timestamp.class, id)
                .toInstant();
    }

    private Job timer(String processInstanceId, String activityId) {
        return management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private void assertRefused(HttpResponse<String> answer, int status, String field) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode error = json.readTree(answer.body());
        assertThat(error.get("error").asText()).isNotBlank();
        if (field != null) {
            assertThat(error.get("details").toString()).as(answer.body()).contains(field);
        }
    }

    private String body(String accountId, String division, String severity, String summary, String impact)
            throws Exception {
        return json.writeValueAsString(Map.of("accountId", accountId, "division", division, "severity", severity,
                "summary", summary, "customerImpact", impact));
    }

    private Account account(String owner, Tier tier) {
        Account account = accounts.createAccount("Escalated Client " + unique(), Vertical.HEALTHCARE, "NORTHEAST", tier,
                owner);
        accounts.addSubscription(account.getId(), "Claims Suite " + unique(), new BigDecimal("480000"),
                LocalDate.now().minusMonths(6), LocalDate.now().plusMonths(6));
        return account;
    }

    private Task openTask(String escalationId) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(escalationId).active().list();
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private List<MimeMessage> amMails(Account account) throws Exception {
        return mailsTo(TestUsers.IVY).stream().filter(m -> subject(m).endsWith(account.getName())).toList();
    }

    private List<MimeMessage> mailsTo(String userId) throws Exception {
        mailDelivery.deliverDue(Instant.now().plusSeconds(5));
        String address = userId + "@accountflow.test";
        return Arrays.stream(smtp().getReceivedMessages()).filter(m -> {
            try {
                return GreenMailUtil.getAddressList(m.getAllRecipients()).contains(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
