package dev.accountflow.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.ContactRole;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.SubscriptionStatus;
import dev.accountflow.account.SubscriptionTerm;
import dev.accountflow.account.SubscriptionTerms;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.money.SalesDates;
import dev.accountflow.opportunity.OpportunityService;
import dev.accountflow.opportunity.Stage;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The renewal trusts only the server's facts: forms set their own fields, money is money, terms roll on. */
class RenewalTrustIT extends PostgresIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired AccountService accounts;
    @Autowired SubscriptionTerms subscriptionTerms;
    @Autowired OpportunityService opportunities;
    @Autowired RenewalWindow renewalWindow;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
    }

    @Test
    void aCompletionOverEngineRestWithAVariableOutsideTheFormIsRefusedAndTheOutcomeLandsOnItsOwnSubscription()
            throws Exception {
        Subscription mine = subscription("Harborview Medical " + unique(), 60, 120_000);
        Subscription colleagues = subscription("Granite Title Insurance " + unique(), 61, 90_000);
        renewalWindow.startDueRenewals(TODAY);
        ProcessInstance renewal = liveRenewal(mine.getId());
        tasks.complete(openTask(renewal).getId(), Map.of("renewalPlan", "Hold price"));
        tasks.complete(openTask(renewal).getId(), Map.of("execCheckInNotes", "Fine", "executiveEngaged", true));

        Task quote = openTask(renewal);
        HttpResponse<String> mistyped = complete(quote, Map.of("proposedArr", "702.400,00"));
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(details(mistyped)).anySatisfy(d -> assertThat(d).startsWith("proposedArr:").contains("702,400"));
        HttpResponse<String> discountTyped = complete(quote, Map.of("proposedArr", "118,000", "discountPct", "2"));
        assertThat(discountTyped.statusCode()).as("the discount is the server's to compute").isEqualTo(400);
        assertThat(details(discountTyped)).anySatisfy(d -> assertThat(d).startsWith("discountPct:"));
        assertThat(complete(quote, Map.of("proposedArr", "$118,000.00")).statusCode()).isEqualTo(204);

        Task negotiate = openTask(renewal);
        assertThat(negotiate.getTaskDefinitionKey()).isEqualTo("Task_Negotiate");
        assertThat(tasks.getVariableLocal(negotiate.getId(), "quotedArr")).isEqualTo("$118,000");
        assertThat(tasks.getVariableLocal(negotiate.getId(), "quotedDiscount")).isEqualTo("1.67%");

        HttpResponse<String> hijack = complete(negotiate, Map.of("outcome", "CHURNED", "churnReason", "Gone",
                "subscriptionId", colleagues.getId()));
        assertThat(hijack.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(hijack.body()).get("error").asText()).isNotBlank();
        assertThat(details(hijack)).anySatisfy(d -> assertThat(d).startsWith("subscriptionId:"));
        assertThat(tasks.createTaskQuery().taskId(negotiate.getId()).count()).as("the task stays open").isEqualTo(1);
        assertThat(runtime.getVariable(renewal.getId(), "outcome")).as("nothing was set").isNull();
        assertThat(accounts.subscription(colleagues.getId()).orElseThrow().getStatus())
                .isEqualTo(SubscriptionStatus.IN_RENEWAL);

        HttpResponse<String> setAside = send("PUT", "/engine-rest/task/" + negotiate.getId() + "/variables/subscriptionId",
                TestUsers.IVY, "{\"value\": \"" + colleagues.getId() + "\", \"type\": \"String\"}", null);
        assertThat(setAside.statusCode()).as("no variables outside the form either").isEqualTo(403);
        assertThat(send("POST", "/engine-rest/process-instance/" + renewal.getId() + "/variables", TestUsers.IVY,
                "{\"modifications\": {\"accountId\": {\"value\": \"x\"}}}", null).statusCode()).isIn(403);

        HttpResponse<String> downsellWithoutArr = complete(negotiate, Map.of("outcome", "DOWNSOLD"));
        assertThat(downsellWithoutArr.statusCode()).isEqualTo(400);
        assertThat(downsellWithoutArr.body()).contains("newArr").contains("$120,000");
        assertThat(tasks.createTaskQuery().taskId(negotiate.getId()).count()).isEqualTo(1);

        assertThat(complete(negotiate, Map.of("outcome", "RENEWED", "newArr", "118,000")).statusCode()).isEqualTo(204);
        Subscription renewed = accounts.subscription(mine.getId()).orElseThrow();
        assertThat(renewed.getArr()).isEqualByComparingTo("118000");
        assertThat(renewed.getEndDate()).isEqualTo(TODAY.plusDays(60).plusMonths(12));
        assertThat(accounts.subscription(colleagues.getId()).orElseThrow().getStatus())
                .as("the colleague's renewal is untouched").isEqualTo(SubscriptionStatus.IN_RENEWAL);
        assertThat(liveRenewal(colleagues.getId())).isNotNull();
    }

    @Test
    void aQuoteWithinAuthorityFollowedByARenewalBelowItGoesToApproval() {
        Subscription subscription = subscription("Beacon Hill Savings " + unique(), 70, 200_000);
        renewalWindow.startDueRenewals(TODAY);
        ProcessInstance renewal = liveRenewal(subscription.getId());
        tasks.complete(openTask(renewal).getId(), Map.of("renewalPlan", "Hold price"));
        tasks.complete(openTask(renewal).getId(), Map.of("execCheckInNotes", "Fine", "executiveEngaged", true));
        // 5 % off; the typed discount of 1 % is not what the server goes by
        tasks.complete(openTask(renewal).getId(), Map.of("proposedArr", "190,000", "discountPct", 1));
        Task negotiate = openTask(renewal);
        assertThat(negotiate.getTaskDefinitionKey()).isEqualTo("Task_Negotiate");
        assertThat(runtime.getVariable(renewal.getId(), "discountPct")).isEqualTo(5.0);

        tasks.complete(negotiate.getId(), Map.of("outcome", "RENEWED", "newArr", "150,000"));

        Task approval = openTask(renewal);
        assertThat(approval.getTaskDefinitionKey()).as("20 %% below the current ARR was never approved")
                .isEqualTo("Task_ApproveDiscount");
        assertThat(tasks.getVariableLocal(approval.getId(), "quotedArr")).isEqualTo("$150,000");
        assertThat(tasks.getVariableLocal(approval.getId(), "quotedDiscount")).isEqualTo("25%");
        assertThat((String) tasks.getVariableLocal(approval.getId(), "approvalReason"))
                .contains("below the agreed quote of $190,000");
        assertThat(accounts.subscription(subscription.getId()).orElseThrow().getArr())
                .as("nothing written yet").isEqualByComparingTo("200000");

        tasks.claim(approval.getId(), TestUsers.MAX);
        tasks.complete(approval.getId(), Map.of("discountApproved", true, "approvalComment", "Three-year logo"));
        Task again = openTask(renewal);
        assertThat(tasks.getVariableLocal(again.getId(), "approvedBy")).isEqualTo(TestUsers.MAX);
        assertThat(tasks.getVariableLocal(again.getId(), "managerComment")).isEqualTo("Three-year logo");
        tasks.complete(again.getId(), Map.of("outcome", "RENEWED", "newArr", "150,000"));
        assertThat(accounts.subscription(subscription.getId()).orElseThrow().getArr()).isEqualByComparingTo("150000");
    }

    @Test
    void aSubscriptionRenewedInYearOneGetsItsNextRenewalInYearTwo() {
        Subscription subscription = subscription("Lighthouse Mutual " + unique(), 30, 80_000);
        assertThat(renewalWindow.startDueRenewals(TODAY)).isGreaterThanOrEqualTo(1);
        ProcessInstance first = liveRenewal(subscription.getId());
        tasks.complete(openTask(first).getId(), Map.of("renewalPlan", "Two-year renewal"));
        tasks.complete(openTask(first).getId(), Map.of("execCheckInNotes", "Fine", "executiveEngaged", true));
        tasks.complete(openTask(first).getId(), Map.of("proposedArr", "84,000", "termMonths", 12));
        tasks.complete(openTask(first).getId(), Map.of("outcome", "RENEWED"));

        Subscription renewed = accounts.subscription(subscription.getId()).orElseThrow();
        LocalDate newEnd = TODAY.plusDays(30).plusMonths(12);
        assertThat(renewed.getEndDate()).isEqualTo(newEnd);
        assertThat(renewed.getArr()).as("RENEWED without a figure takes the agreed quote").isEqualByComparingTo("84000");
        assertThat(subscriptionTerms.termsOf(subscription.getId())).extracting(SubscriptionTerm::getArr)
                .extracting(BigDecimal::intValue).containsExactly(80_000, 84_000);
        renewalWindow.startDueRenewals(TODAY);
        assertThat(liveRenewal(subscription.getId())).as("not due again this year").isNull();

        // a year on, by the engine's clock: the 06:00 kick-off (here asked for) runs as jobs and sees the new term
        LocalDate yearTwo = newEnd.minusDays(60);
        ClockUtil.setCurrentTime(Date.from(yearTwo.atTime(6, 0).toInstant(ZoneOffset.UTC)));
        try {
            String run = runtime.startProcessInstanceByMessage("RenewalKickoffAsked").getId();
            for (int round = 0; round < 20 && management.createJobQuery().processInstanceId(run).count() > 0; round++) {
                management.createJobQuery().processInstanceId(run).executable().list()
                        .forEach(job -> management.executeJob(job.getId()));
            }
            ProcessInstance second = liveRenewal(subscription.getId());
            assertThat(second).as("next year's renewal started by itself").isNotNull();
            assertThat(second.getId()).isNotEqualTo(first.getId());
            assertThat(opportunities.ofSubscription(subscription.getId())).hasSize(2);
            Task plan = openTask(second);
            assertThat(tasks.getVariableLocal(plan.getId(), "daysLeft")).as("counted on the engine's clock")
                    .isEqualTo(60L);
            assertThat(tasks.getVariableLocal(plan.getId(), "endsOn")).isEqualTo(SalesDates.format(newEnd));
            assertThat(tasks.getVariableLocal(plan.getId(), "currentArr")).isEqualTo("$84,000");
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void renewalsCancelledOrDeletedReleaseTheirLiveRenewal() {
        Subscription cancelled = subscription("Ironwood Credit Union " + unique(), 40, 60_000);
        Subscription deleted = subscription("Millbrook Health Plan " + unique(), 41, 60_000);
        renewalWindow.startDueRenewals(TODAY);
        String cancelledRun = liveRenewal(cancelled.getId()).getId();
        String deletedRun = liveRenewal(deleted.getId()).getId();

        // Cockpit's cancel skips custom listeners; the API's delete does not
        runtime.deleteProcessInstance(cancelledRun, "Cancelled in Cockpit", true);
        assertThat(send("DELETE", "/engine-rest/process-instance/" + deletedRun, TestUsers.IVY, null, null).statusCode())
                .as("a rep cannot delete a renewal").isIn(403, 404);
        runtime.deleteProcessInstance(deletedRun, "Deleted through the API");

        for (Subscription subscription : new Subscription[] {cancelled, deleted}) {
            assertThat(jdbc.queryForObject("select count(*) from live_renewal where subscription_id = ?", Integer.class,
                    subscription.getId())).isZero();
            assertThat(accounts.subscription(subscription.getId()).orElseThrow().getStatus())
                    .isEqualTo(SubscriptionStatus.ACTIVE);
            assertThat(opportunities.ofSubscription(subscription.getId()).get(0).getStage()).isEqualTo(Stage.CLOSED_LOST);
        }
        renewalWindow.startDueRenewals(TODAY);
        assertThat(liveRenewal(cancelled.getId())).as("the kick-off sees it again").isNotNull();
    }

    @Test
    void anAccountNameAsLongAsTheApiAllowsStillGetsItsRenewal() {
        String name = ("Northeastern Regional Consolidated Healthcare Partners " + unique() + " ").repeat(5)
                .substring(0, 200);
        Account account = accounts.createAccount(name, Vertical.HEALTHCARE, "NORTHEAST", Tier.GROWTH, TestUsers.IVY);
        String product = "Enterprise Care Coordination, Population Health Analytics and Clinical Documentation Suite "
                + "with Premier Support Plus and Onboarding";
        Subscription subscription = accounts.addSubscription(account.getId(), product.substring(0, 120),
                BigDecimal.valueOf(75_000), TODAY.minusYears(1), TODAY.plusDays(45));
        renewalWindow.startDueRenewals(TODAY);
        assertThat(liveRenewal(subscription.getId())).isNotNull();
        assertThat(opportunities.ofSubscription(subscription.getId()).get(0).getName()).hasSizeLessThanOrEqualTo(300)
                .endsWith("renewal");
    }

    private Subscription subscription(String name, int daysToEnd, int arr) {
        Account account = accounts.createAccount(name, Vertical.FINANCIAL_SERVICES, "NORTHEAST", Tier.ENTERPRISE,
                TestUsers.IVY);
        accounts.addContact(account.getId(), "Lee Sponsor", "lee@example.org", ContactRole.EXECUTIVE_SPONSOR,
                Instant.now().minus(Duration.ofDays(10)));
        accounts.addHealthSignal(account.getId(), Instant.now(), BigDecimal.valueOf(6), 0, BigDecimal.valueOf(4.5));
        return accounts.addSubscription(account.getId(), "Risk & Compliance Hub", BigDecimal.valueOf(arr),
                TODAY.minusYears(1).plusDays(daysToEnd + 1), TODAY.plusDays(daysToEnd));
    }

    private HttpResponse<String> complete(Task task, Map<String, String> values) throws Exception {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v, "type", "String")));
        return post("/engine-rest/task/" + task.getId() + "/complete", TestUsers.IVY,
                JSON.writeValueAsString(Map.of("variables", variables)));
    }

    private static java.util.List<String> details(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        java.util.List<String> details = new java.util.ArrayList<>();
        body.path("details").forEach(d -> details.add(d.asText()));
        return details;
    }

    private ProcessInstance liveRenewal(String subscriptionId) {
        return RenewalSteps.liveRenewal(runtime, subscriptionId);
    }

    private Task openTask(ProcessInstance renewal) {
        return RenewalSteps.openTask(tasks, renewal);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
