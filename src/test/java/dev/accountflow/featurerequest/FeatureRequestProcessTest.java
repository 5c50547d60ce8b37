package dev.accountflow.featurerequest;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dev.accountflow.rules.CompiledRuleSet;
import dev.accountflow.rules.FeatureRequestFacts;
import dev.accountflow.rules.FeatureRouting;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.rules.RuleCompiler;
import dev.accountflow.rules.RuleTemplate;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every path of processes/feature-request.bpmn on an in-memory engine. Routing runs the real feature-routing
 * table (rules/feature-routing.drt + .csv); the listeners that write to the database are stood in for.
 */
@Deployment(resources = {
        "processes/feature-request.bpmn",
        "processes/forms/feature-request-review.form",
        "processes/forms/feature-request-more-info.form",
        "processes/forms/feature-request-release.form",
        "processes/forms/feature-request-overdue.form"})
class FeatureRequestProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-inmemory.cfg.xml").build();

    private static final RuleTemplate TABLE = RuleTemplate.of(RuleBook.FEATURE_ROUTING).orElseThrow();
    private static final CompiledRuleSet ROUTING = new RuleCompiler().compile("feature-routing", 1,
            TABLE.toDrl(TABLE.seedRows()));
    // a Wednesday: the 5-business-day SLA ends on the next Wednesday, escalation two business days later on Friday
    private static final LocalDate LOGGED_ON = LocalDate.of(2026, 12, 2);

    private final List<String> events = new ArrayList<>();
    private ProcessInstance request;

    // the extension deploys the process after @BeforeEach methods ran, so each test starts its request itself
    private void start(String productArea, double arrAtStake) {
        ClockUtil.setCurrentTime(Date.from(LOGGED_ON.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant()));
        // stands in for TriageFeatureRequest: the real table over the facts the service would read from the database
        Mocks.register("triageFeatureRequest", (JavaDelegate) execution -> {
            FeatureRequestFacts facts = new FeatureRequestFacts();
            facts.setTitle("Export dashboards to PDF");
            facts.setProductArea(productArea);
            facts.setAccountName("Harbor Health System");
            facts.setTier("ENTERPRISE");
            facts.setVertical("HEALTHCARE");
            facts.setArrAtStake(arrAtStake);
            facts.setRequestingAccounts(1);
            FeatureRouting routing = new FeatureRouting();
            ROUTING.execute(List.of(facts, routing));
            LocalDate answerBy = FeatureRequests.plusBusinessDays(LOGGED_ON, routing.getSlaBusinessDays());
            execution.setVariable("pmGroup", routing.getPmGroup());
            execution.setVariable("priority", routing.getPriority());
            execution.setVariable("slaBusinessDays", routing.getSlaBusinessDays());
            execution.setVariable("answerBy", answerBy.atStartOfDay().toString());
            execution.setVariable("escalateOn", FeatureRequests.plusBusinessDays(answerBy, 2).atStartOfDay().toString());
        });
        Mocks.register("recordPmDecision", (TaskListener) task -> events.add("decided " + task.getVariable("pmDecision")));
        Mocks.register("releaseCustomerAnswer", (TaskListener) task ->
                events.add("released " + task.getVariable("releaseToCustomer")));
        Mocks.register("remindProductGroup", (JavaDelegate) execution -> events.add("reminded " + execution.getVariable("pmGroup")));
        Mocks.register("tellFeatureShipped", (JavaDelegate) execution -> events.add("told shipped"));
        request = runtimeService().startProcessInstanceByKey("feature-request", "FR-1",
                Map.of("accountId", "ACC-1", "accountName", "Harbor Health System", "title", "Export dashboards to PDF"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aRequestOfAKnownAreaIsRoutedToThatAreasProductManagers() {
        start("ANALYTICS", 1_200_000);

        assertThat(request).isWaitingAt("Task_ReviewFeatureRequest")
                .hasPassed("Task_TriageFeatureRequest")
                .variables().containsEntry("pmGroup", "pm-analytics").containsEntry("priority", "P1")
                .containsEntry("slaBusinessDays", 5);
    }

    @Test
    void aRequestOfNoKnownAreaGoesToTriage() {
        start(null, 40_000);

        assertThat(request).isWaitingAt("Task_ReviewFeatureRequest")
                .variables().containsEntry("pmGroup", "pm-triage").containsEntry("priority", "P3");
    }

    @Test
    void needInfoGoesBackToTheAccountManagerAndThenBackToProductManagement() {
        start("COMMERCE", 300_000);
        complete(task("Task_ReviewFeatureRequest", request),
                withVariables("pmDecision", "NEED_INFO", "decisionNote", "Which currencies?"));

        assertThat(request).isWaitingAt("Task_ProvideMoreInformation");
        complete(task("Task_ProvideMoreInformation", request), withVariables("moreInformation", "EUR and GBP"));

        assertThat(request).isWaitingAt("Task_ReviewFeatureRequest");
        then(runtimeService().getVariable(request.getId(), "moreInformation")).isEqualTo("EUR and GBP");
        then(events).containsExactly("decided NEED_INFO");
    }

    @Test
    void plannedIsReleasedToTheCustomerThenWaitsForShippedAndTellsEveryone() {
        start("PLATFORM", 300_000);
        complete(task("Task_ReviewFeatureRequest", request),
                withVariables("pmDecision", "PLANNED", "targetRelease", "2027.2"));

        assertThat(request).isWaitingAt("Task_ReleaseCustomerAnswer");
        complete(task("Task_ReleaseCustomerAnswer", request), withVariables("releaseToCustomer", true));

        assertThat(request).isWaitingAt("Event_FeatureShipped").isNotEnded();
        runtimeService().createMessageCorrelation("FeatureShipped").processInstanceBusinessKey("FR-1").correlate();

        assertThat(request).hasPassed("Task_TellShipped").isEnded().hasPassed("End_FeatureShipped");
        then(events).containsExactly("decided PLANNED", "released true", "told shipped");
    }

    @Test
    void declinedIsAnsweredAndEnds() {
        start("COMMERCE", 20_000);
        complete(task("Task_ReviewFeatureRequest", request),
                withVariables("pmDecision", "DECLINED", "decisionNote", "Not in our roadmap"));
        complete(task("Task_ReleaseCustomerAnswer", request), withVariables("releaseToCustomer", true));

        assertThat(request).isEnded().hasPassed("End_RequestDeclined").hasNotPassed("Event_FeatureShipped");
        then(events).containsExactly("decided DECLINED", "released true");
    }

    @Test
    void aReviewConfirmedAsADuplicateEndsWithoutAnAnswerOfItsOwn() {
        start("ANALYTICS", 300_000);
        complete(task("Task_ReviewFeatureRequest", request),
                withVariables("pmDecision", "DUPLICATE", "duplicateOf", "FR-0"));

        assertThat(request).isEnded().hasPassed("End_ReviewedAsDuplicate").hasNotPassed("Task_ReleaseCustomerAnswer");
        then(events).containsExactly("decided DUPLICATE");
    }

    @Test
    void linkedAsADuplicateFromTheBoardEndsTheReviewItsTimersAndTheAccountManagersQuestion() {
        start("COMMERCE", 300_000);
        complete(task("Task_ReviewFeatureRequest", request),
                withVariables("pmDecision", "NEED_INFO", "decisionNote", "Which currencies?"));
        assertThat(request).isWaitingAt("Task_ProvideMoreInformation");

        runtimeService().createMessageCorrelation("FeatureRequestLinked").processInstanceBusinessKey("FR-1").correlate();

        assertThat(request).isEnded().hasPassed("End_LinkedAsDuplicate").hasNotPassed("Task_ReleaseCustomerAnswer");
        then(managementService().createJobQuery().processInstanceId(request.getId()).count()).isZero();
    }

    @Test
    void linkedAsADuplicateWhileUnderReviewCancelsTheSlaTimers() {
        start("ANALYTICS", 1_200_000);
        then(managementService().createJobQuery().processInstanceId(request.getId()).count()).isEqualTo(2);

        runtimeService().createMessageCorrelation("FeatureRequestLinked").processInstanceBusinessKey("FR-1").correlate();

        assertThat(request).isEnded().hasPassed("End_LinkedAsDuplicate");
        then(managementService().createJobQuery().processInstanceId(request.getId()).count()).isZero();
        then(events).isEmpty();
    }

    @Test
    void pastTheSlaTheGroupIsRemindedAndTwoBusinessDaysLaterTheHeadOfProductGetsATask() {
        start("ANALYTICS", 1_200_000);

        then(due("Timer_SlaReached")).isEqualTo(LocalDate.of(2026, 12, 9).atStartOfDay());
        then(due("Timer_ReviewOverdue")).isEqualTo(LocalDate.of(2026, 12, 11).atStartOfDay());

        ClockUtil.setCurrentTime(job("Timer_SlaReached", request).getDuedate());
        execute(job("Timer_SlaReached", request));
        then(events).containsExactly("reminded pm-analytics");
        assertThat(request).isWaitingAt("Task_ReviewFeatureRequest");

        ClockUtil.setCurrentTime(job("Timer_ReviewOverdue", request).getDuedate());
        execute(job("Timer_ReviewOverdue", request));
        assertThat(request).isWaitingAt("Task_ReviewFeatureRequest", "Task_ReviewOverdueFeatureRequest");

        complete(task("Task_ReviewOverdueFeatureRequest", request), withVariables("followUpNote", "Chased the group"));
        assertThat(request).isWaitingAt("Task_ReviewFeatureRequest").hasPassed("End_OverdueFollowedUp");
    }

    private LocalDateTime due(String timer) {
        return LocalDateTime.ofInstant(job(timer, request).getDuedate().toInstant(), ZoneId.systemDefault());
    }
}
