package dev.accountflow.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.ContactRole;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.SubscriptionStatus;
import dev.accountflow.account.SubscriptionTerm;
import dev.accountflow.account.SubscriptionTerms;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.assignment.TaskAssignment;
import dev.accountflow.notification.MailDelivery;
import dev.accountflow.notification.Notice;
import dev.accountflow.notification.Notification;
import dev.accountflow.notification.NotificationStatus;
import dev.accountflow.notification.Outbox;
import dev.accountflow.opportunity.Opportunity;
import dev.accountflow.opportunity.OpportunityService;
import dev.accountflow.opportunity.Stage;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.rules.DecisionRecord;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.stream.StreamSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A renewal from kick-off to outcome on PostgreSQL, with rule-made assignments and real SMTP delivery. */
class RenewalEndToEndIT extends PostgresIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired AccountService accounts;
    @Autowired OpportunityService opportunities;
    @Autowired SubscriptionTerms subscriptionTerms;
    @Autowired RenewalWindow renewalWindow;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired DecisionLog decisions;
    @Autowired RuleBook ruleBook;
    @Autowired Outbox outbox;
    @Autowired MailDelivery mailDelivery;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
        // earlier tests' mail must not count here
        mailDelivery.deliverDue(Instant.now().plus(Duration.ofDays(1)));
        smtp().reset();
    }

    @Test
    void atRiskRenewalRunsFromKickoffToDownsellAndMailsTheAccountManagerOnce() throws Exception {
        Subscription atRisk = atRiskAccountWithSubscription("Seaport Regional Health " + unique(), 50);
        Subscription healthy = healthyAccountWithSubscription("Quarry Savings Bank " + unique(), 70);

        assertThat(renewalWindow.startDueRenewals(TODAY)).isGreaterThanOrEqualTo(2);
        assertThat(accounts.subscription(atRisk.getId()).orElseThrow().getStatus()).isEqualTo(SubscriptionStatus.IN_RENEWAL);

        ProcessInstance renewal = liveRenewal(atRisk.getId());
        Task plan = openTask(renewal);
        assertThat(plan.getTaskDefinitionKey()).isEqualTo("Task_PrepareRenewalPlan");
        assertThat(plan.getAssignee()).isEqualTo(TestUsers.IVY);
        assertThat(plan.getPriority()).as("enterprise 60 + at risk 10").isEqualTo(70);
        assertThat(plan.getDueDate()).isNotNull();
        assertThat(plan.getName()).isEqualTo("Prepare renewal plan for " + atRisk.getProduct() + " — "
                + accounts.account(atRisk.getAccountId()).orElseThrow().getName());
        assertThat(tasks.getVariableLocal(plan.getId(), "daysLeft")).isEqualTo(50L);
        assertThat(runtime.getVariable(renewal.getId(), "atRisk")).isEqualTo(true);
        assertThat((String) runtime.getVariable(renewal.getId(), "healthReasons")).contains("Active users down 30%");

        DecisionRecord why = decisions.find((String) tasks.getVariableLocal(plan.getId(),
                TaskAssignment.DECISION_VARIABLE)).orElseThrow();
        assertThat(why.getRuleSet()).isEqualTo("assignment");
        assertThat(why.getRulesFired()).contains("Renewal work goes to the account owner");
        assertThat(DecisionLog.why(why)).contains("version " + ruleBook.get("assignment").version());

        tasks.complete(plan.getId(), Map.of("renewalPlan", "Expand to the cardiology group; bring the CFO in."));
        Task checkIn = openTask(renewal);
        assertThat(checkIn.getTaskDefinitionKey()).isEqualTo("Task_ExecutiveCheckIn");
        tasks.complete(checkIn.getId(), Map.of("execCheckInNotes", "CFO wants a lower price", "executiveEngaged", true));

        Task quote = openTask(renewal);
        tasks.complete(quote.getId(), Map.of("proposedArr", 160_000, "discountPct", 20));
        Task approval = openTask(renewal);
        assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_ApproveDiscount");
        assertThat(approval.getAssignee()).isNull();
        assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId)
                .contains("sales-managers");
        tasks.claim(approval.getId(), TestUsers.MAX);
        tasks.complete(approval.getId(), Map.of("discountApproved", true, "approvalComment", "Keep the logo"));

        Task negotiate = openTask(renewal);
        assertThat(negotiate.getTaskDefinitionKey()).isEqualTo("Task_Negotiate");
        assertThatThrownBy(() -> tasks.complete(negotiate.getId(), Map.of("outcome", "DOWNSOLD", "newArr", 900_000)))
                .isInstanceOf(RenewalInputException.class).hasMessageContaining("newArr");
        assertThat(accounts.subscription(atRisk.getId()).orElseThrow().getStatus())
                .as("a rejected outcome writes nothing").isEqualTo(SubscriptionStatus.IN_RENEWAL);
        tasks.complete(negotiate.getId(), Map.of("outcome", "DOWNSOLD", "newArr", 160_000));

        // the downsell at the approved ARR opens the next term: ACTIVE again, so next year's kick-off sees it
        Subscription after = accounts.subscription(atRisk.getId()).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(after.getArr()).isEqualByComparingTo("160000");
        assertThat(after.getStartDate()).isEqualTo(TODAY.plusDays(51));
        assertThat(after.getEndDate()).isEqualTo(TODAY.plusDays(51).plusMonths(12).minusDays(1));
        assertThat(subscriptionTerms.termsOf(atRisk.getId())).extracting(SubscriptionTerm::getOutcome)
                .containsExactly(SubscriptionStatus.DOWNSOLD, null);
        Opportunity opportunity = opportunities.ofSubscription(atRisk.getId()).get(0);
        assertThat(opportunity.getStage()).isEqualTo(Stage.CLOSED_WON);
        assertThat(opportunity.getAmount()).isEqualByComparingTo("160000");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(renewal.getId()).count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from live_renewal where subscription_id = ?", Integer.class,
                atRisk.getId())).isZero();

        assertThat(mailDelivery.deliverDue(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(mailDelivery.deliverDue(Instant.now().plusSeconds(3600))).as("nothing goes twice").isZero();
        List<MimeMessage> toIvy = new ArrayList<>();
        for (MimeMessage message : smtp().getReceivedMessages()) {
            if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains("ivy@accountflow.test")) {
                toIvy.add(message);
            }
        }
        assertThat(toIvy).hasSize(1);
        assertThat(toIvy.get(0).getSubject()).startsWith("At-risk renewal: Seaport Regional Health");
        assertThat(GreenMailUtil.getBody(toIvy.get(0))).contains("Active users down 30%");

        JsonNode ivysMail = new ObjectMapper().readTree(get("/api/notifications", TestUsers.IVY).body());
        JsonNode atRiskMail = StreamSupport.stream(ivysMail.spliterator(), false)
                .filter(n -> n.get("dedupeKey").asText().equals("renewal-at-risk:" + renewal.getId())).findFirst()
                .orElseThrow();
        assertThat(atRiskMail.get("status").asText()).isEqualTo("SENT");
        assertThat(atRiskMail.get("why").asText()).contains("health")
                .contains("version " + ruleBook.get("health").version())
                .contains("Active users down 20% or more");

        JsonNode flags = new ObjectMapper().readTree(get("/api/accounts/" + atRisk.getAccountId() + "/risk-flags",
                TestUsers.IVY).body());
        JsonNode usageDrop = StreamSupport.stream(flags.spliterator(), false)
                .filter(f -> f.get("code").asText().equals("USAGE_DROP")).findFirst().orElseThrow();
        assertThat(usageDrop.get("severity").asText()).isEqualTo("HIGH");
        assertThat(usageDrop.get("why").asText())
                .contains("rule set 'health' version " + ruleBook.get("health").version());

        ProcessInstance healthyRenewal = liveRenewal(healthy.getId());
        assertThat(runtime.getVariable(healthyRenewal.getId(), "atRisk")).isEqualTo(false);
        assertThat(outbox.queuedWithKeyPrefix("renewal-at-risk:" + healthyRenewal.getId())).isEmpty();
    }

    @Test
    void renewedAndChurnedOutcomesAreWrittenBack() {
        Subscription renewing = healthyAccountWithSubscription("Tidewater Mutual " + unique(), 65);
        Subscription leaving = healthyAccountWithSubscription("Foundry Assurance " + unique(), 66);
        renewalWindow.startDueRenewals(TODAY);

        runToNegotiation(liveRenewal(renewing.getId()), 5);
        tasks.complete(openTask(liveRenewal(renewing.getId())).getId(), Map.of("outcome", "RENEWED", "newArr", 130_000));
        assertThat(accounts.subscription(renewing.getId()).orElseThrow())
                .extracting(Subscription::getStatus, s -> s.getArr().intValue())
                .containsExactly(SubscriptionStatus.ACTIVE, 130_000);
        assertThat(subscriptionTerms.termsOf(renewing.getId())).extracting(SubscriptionTerm::getOutcome)
                .containsExactly(SubscriptionStatus.RENEWED, null);

        ProcessInstance churn = liveRenewal(leaving.getId());
        runToNegotiation(churn, 0);
        Task negotiate = openTask(churn);
        assertThatThrownBy(() -> tasks.complete(negotiate.getId(), Map.of("outcome", "CHURNED")))
                .hasMessageContaining("churnReason");
        tasks.complete(negotiate.getId(), Map.of("outcome", "CHURNED", "churnReason", "Consolidating on a competitor"));
        assertThat(accounts.subscription(leaving.getId()).orElseThrow())
                .extracting(Subscription::getStatus, Subscription::getChurnReason)
                .containsExactly(SubscriptionStatus.CHURNED, "Consolidating on a competitor");
        assertThat(opportunities.ofSubscription(leaving.getId()).get(0).getStage()).isEqualTo(Stage.CLOSED_LOST);
    }

    @Test
    void theRenewalOpportunityMovesThroughItsStagesAsTheRenewalProgresses() {
        Subscription renewing = healthyAccountWithSubscription("Millrace Trust " + unique(), 64);
        renewalWindow.startDueRenewals(TODAY);
        ProcessInstance renewal = liveRenewal(renewing.getId());
        // stage, probability and forecast category from the renewal step and stage tables (V19)
        assertThat(renewalOpportunity(renewing)).isEqualTo("DISCOVER 70 COMMIT");
        tasks.complete(openTask(renewal).getId(), Map.of("renewalPlan", "Standard renewal"));
        assertThat(renewalOpportunity(renewing)).isEqualTo("SOLUTION_DEVELOPMENT 75 COMMIT");
        tasks.complete(openTask(renewal).getId(), Map.of("execCheckInNotes", "Sponsor happy", "executiveEngaged", true));
        assertThat(renewalOpportunity(renewing)).isEqualTo("PROPOSAL 80 COMMIT");
        tasks.complete(openTask(renewal).getId(), Map.of("proposedArr", 120_000, "discountPct", 5));
        assertThat(renewalOpportunity(renewing)).isEqualTo("NEGOTIATION 90 COMMIT");
        tasks.complete(openTask(renewal).getId(), Map.of("outcome", "RENEWED", "newArr", 125_000));
        assertThat(renewalOpportunity(renewing)).isEqualTo("CLOSED_WON 100 CLOSED");
    }

    private String renewalOpportunity(Subscription subscription) {
        var o = opportunities.ofSubscription(subscription.getId()).get(0);
        return o.getStage() + " " + o.getProbability() + " " + o.getForecastCategory();
    }

    @Test
    void refusedDiscountSendsTheQuoteBackToTheAccountManager() {
        Subscription subscription = healthyAccountWithSubscription("Ledger Point Credit Union " + unique(), 80);
        renewalWindow.startDueRenewals(TODAY);
        ProcessInstance renewal = liveRenewal(subscription.getId());
        tasks.complete(openTask(renewal).getId(), Map.of("renewalPlan", "Hold price"));
        tasks.complete(openTask(renewal).getId(), Map.of("execCheckInNotes", "Fine", "executiveEngaged", false));
        tasks.complete(openTask(renewal).getId(), Map.of("proposedArr", 90_000, "discountPct", 25));
        Task approval = openTask(renewal);
        tasks.complete(approval.getId(), Map.of("discountApproved", false, "approvalComment", "Too deep"));
        Task requote = openTask(renewal);
        assertThat(requote.getTaskDefinitionKey()).isEqualTo("Task_PrepareQuote");
        assertThat(requote.getAssignee()).isEqualTo(TestUsers.IVY);
    }

    @Test
    void kickoffNeverStartsASecondLiveRenewalEvenWhenTwoNodesRunItAtOnce() throws Exception {
        Subscription subscription = healthyAccountWithSubscription("Anchor Life & Casualty " + unique(), 90);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> kickoff = () -> renewalWindow.startDueRenewals(TODAY);
            List<Future<Integer>> runs = nodes.invokeAll(List.of(kickoff, kickoff));
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            nodes.shutdown();
        }
        assertThat(renewalWindow.startDueRenewals(TODAY)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("renewal")
                .processInstanceBusinessKey(subscription.getId()).count()).isEqualTo(1);
        assertThat(opportunities.ofSubscription(subscription.getId())).hasSize(1);
    }

    @Test
    void unreachableSmtpKeepsMailPendingAndSendsItOnceItIsBack() {
        stopSmtp();
        Subscription subscription = atRiskAccountWithSubscription("Bellweather Children's Hospital " + unique(), 40);
        renewalWindow.startDueRenewals(TODAY);
        ProcessInstance renewal = liveRenewal(subscription.getId());
        String key = "renewal-at-risk:" + renewal.getId();

        assertThat(mailDelivery.deliverDue(Instant.now())).isZero();
        Notification pending = outbox.queuedWithKeyPrefix(key).get(0);
        assertThat(pending.getStatus()).isEqualTo(NotificationStatus.PENDING);
        assertThat(pending.getAttempts()).isEqualTo(1);
        assertThat(pending.getLastError()).isNotBlank();
        assertThat(pending.getNextAttemptAt()).isAfter(Instant.now());

        startSmtpIfStopped();
        assertThat(mailDelivery.deliverDue(Instant.now())).as("not retried before its backoff").isZero();
        assertThat(mailDelivery.deliverDue(Instant.now().plus(Duration.ofHours(2)))).isEqualTo(1);
        assertThat(outbox.queuedWithKeyPrefix(key).get(0).getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(smtp().getReceivedMessages()).hasSize(1);
        assertThat(mailDelivery.deliverDue(Instant.now().plus(Duration.ofHours(4)))).isZero();
        assertThat(smtp().getReceivedMessages()).hasSize(1);
    }

    @Test
    void escalationTimerGivesTheSalesManagersAReviewTaskAndALineInTheirDigestBelow250000() {
        Subscription subscription = healthyAccountWithSubscription("Crescent Trust " + unique(), 20);
        ProcessInstance renewal = escalate(subscription);

        Task review = tasks.createTaskQuery().processInstanceId(renewal.getId())
                .taskDefinitionKey("Task_ReviewEscalatedRenewal").singleResult();
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("sales-managers");
        assertThat(review.getPriority()).isEqualTo(90);
        assertThat(outbox.queuedWithKeyPrefix("renewal-escalated:" + renewal.getId())).as("$120,000: not urgent")
                .isEmpty();
        assertThat(jdbc.queryForList("select text from digest_entry where recipient_user_id = ? and dedupe_key like ?",
                String.class, TestUsers.MAX, "renewal-escalated:" + renewal.getId() + "%")).containsExactly(
                accountName(subscription) + ": the renewal ($120,000 ARR) is still open close to its end date");
        assertThat(tasks.createTaskQuery().processInstanceId(renewal.getId())
                .taskDefinitionKey("Task_PrepareRenewalPlan").count()).as("the rep's work goes on").isEqualTo(1);
    }

    @Test
    void aRenewalOf250000OrMoreEscalatedMailsTheSalesManagersAtOnceAndOnlyOnceSayingWhy() {
        Subscription small = healthyAccountWithSubscription("Meridian Capital " + unique(), 20);
        Subscription subscription = accounts.addSubscription(small.getAccountId(), "Payments Analytics",
                BigDecimal.valueOf(310_000), TODAY.minusYears(1), TODAY.plusDays(19));
        ProcessInstance renewal = escalate(subscription);

        List<Notification> urgent = outbox.queuedWithKeyPrefix("renewal-escalated:" + renewal.getId());
        assertThat(urgent).extracting(Notification::getRecipientUserId).containsExactly(TestUsers.MAX);
        assertThat(urgent.get(0).getBody())
                .contains("The renewal of " + accountName(subscription) + " ($310,000 ARR) is still open")
                .contains("Payments Analytics, ARR $310,000")
                .contains("rule 'A renewal of $250,000 ARR or more is escalated: sales managers at once'");
        assertThat(jdbc.queryForObject("select count(*) from digest_entry where dedupe_key like ?", Integer.class,
                "renewal-escalated:" + renewal.getId() + "%")).as("told at once, not again in the digest").isZero();
    }

    private ProcessInstance escalate(Subscription subscription) {
        renewalWindow.startDueRenewals(TODAY);
        ProcessInstance renewal = liveRenewal(subscription.getId());
        Job escalation = management.createJobQuery().processInstanceId(renewal.getId())
                .activityId("Timer_RenewalEscalation").singleResult();
        assertThat(escalation.getDuedate()).isBeforeOrEqualTo(new java.util.Date());
        management.executeJob(escalation.getId());
        return renewal;
    }

    private String accountName(Subscription subscription) {
        return accounts.account(subscription.getAccountId()).orElseThrow().getName();
    }

    @Test
    void overdueTaskIsRemindedToItsHolderOnceADay() {
        Subscription subscription = healthyAccountWithSubscription("Keel Harbor Bank " + unique(), 85);
        renewalWindow.startDueRenewals(TODAY);
        ProcessInstance renewal = liveRenewal(subscription.getId());
        Task plan = openTask(renewal);
        plan.setDueDate(java.sql.Timestamp.valueOf(TODAY.minusDays(2).atTime(9, 0)));
        tasks.saveTask(plan);

        Job reminder = management.createJobQuery().processInstanceId(renewal.getId())
                .activityId("Timer_OverdueReminder").singleResult();
        management.executeJob(reminder.getId());
        String key = "task-overdue:" + plan.getId() + ":";
        assertThat(outbox.queuedWithKeyPrefix(key)).extracting(Notification::getRecipientUserId)
                .containsExactly(TestUsers.IVY);
        assertThat(outbox.queuedWithKeyPrefix(key).get(0).getSubject()).contains("Prepare renewal plan");

        Job next = management.createJobQuery().processInstanceId(renewal.getId())
                .activityId("Timer_OverdueReminder").singleResult();
        management.executeJob(next.getId());
        assertThat(outbox.queuedWithKeyPrefix(key)).as("same day, no second reminder").hasSize(1);
    }

    @Test
    void aRolledBackDecisionLeavesNoMailBehind() {
        String key = "rollback-check:" + unique();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            outbox.notifyUser(TestUsers.IVY, new Notice("renewal-at-risk", "Never sent", "Never sent", key,
                    "a decision that is rolled back", null));
            status.setRollbackOnly();
        });
        assertThat(outbox.queuedWithKeyPrefix(key)).isEmpty();
    }

    @Test
    void theDecisionLogAnswersWhyATaskIsMine() throws Exception {
        Subscription subscription = healthyAccountWithSubscription("Compass Point Assurance " + unique(), 95);
        renewalWindow.startDueRenewals(TODAY);
        Task plan = openTask(liveRenewal(subscription.getId()));

        var response = get("/api/decisions?subjectType=task&subjectId=" + plan.getId(), TestUsers.IVY);
        assertThat(response.statusCode()).isEqualTo(200);
        var decisions = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        assertThat(decisions.size()).as(response.body()).isEqualTo(1);
        assertThat(decisions.get(0).get("ruleSetVersion").asInt()).isEqualTo(ruleBook.get("assignment").version());
        assertThat(decisions.get(0).get("rulesFired").toString()).contains("Renewal work goes to the account owner");
        assertThat(decisions.get(0).get("why").asText()).contains("assignment").contains("ivy");
        assertThat(decisions.get(0).get("facts").asText()).contains("Compass Point Assurance");

        assertThat(get("/api/decisions?subjectType=task&subjectId=" + plan.getId(), TestUsers.NED).statusCode())
                .as("another rep's task is none of ned's business").isEqualTo(404);
        assertThat(get("/api/decisions?subjectType=account&subjectId=" + subscription.getAccountId(), TestUsers.NED)
                .statusCode()).isEqualTo(404);
        assertThat(get("/api/decisions?subjectType=account&subjectId=" + subscription.getAccountId(), TestUsers.IVY)
                .statusCode()).isEqualTo(200);
        assertThat(get("/api/decisions?subjectType=task&subjectId=" + plan.getId(), TestUsers.MAX).statusCode())
                .isEqualTo(200);
    }

    // --- the book the tests work on ---

    private Subscription atRiskAccountWithSubscription(String name, int daysToEnd) {
        Account account = accounts.createAccount(name, Vertical.HEALTHCARE, "NORTHEAST", Tier.ENTERPRISE, TestUsers.IVY);
        accounts.addContact(account.getId(), "Pat Sponsor", "pat@example.org", ContactRole.EXECUTIVE_SPONSOR,
                Instant.now().minus(Duration.ofDays(80)));
        accounts.addHealthSignal(account.getId(), Instant.now(), BigDecimal.valueOf(-30), 0, BigDecimal.valueOf(4.2));
        return accounts.addSubscription(account.getId(), "Care Coordination Suite", BigDecimal.valueOf(200_000),
                TODAY.minusYears(1), TODAY.plusDays(daysToEnd));
    }

    private Subscription healthyAccountWithSubscription(String name, int daysToEnd) {
        Account account = accounts.createAccount(name, Vertical.FINANCIAL_SERVICES, "NORTHEAST", Tier.ENTERPRISE,
                TestUsers.IVY);
        accounts.addContact(account.getId(), "Lee Sponsor", "lee@example.org", ContactRole.EXECUTIVE_SPONSOR,
                Instant.now().minus(Duration.ofDays(10)));
        accounts.addHealthSignal(account.getId(), Instant.now(), BigDecimal.valueOf(6), 0, BigDecimal.valueOf(4.5));
        return accounts.addSubscription(account.getId(), "Risk & Compliance Hub", BigDecimal.valueOf(120_000),
                TODAY.minusYears(1), TODAY.plusDays(daysToEnd));
    }

    private void runToNegotiation(ProcessInstance renewal, int discountPct) {
        tasks.complete(openTask(renewal).getId(), Map.of("renewalPlan", "Standard renewal"));
        tasks.complete(openTask(renewal).getId(), Map.of("execCheckInNotes", "Sponsor happy", "executiveEngaged", true));
        tasks.complete(openTask(renewal).getId(), Map.of("proposedArr", 120_000, "discountPct", discountPct));
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
