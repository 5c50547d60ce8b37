package dev.accountflow.plan;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walks both paths of processes/account-plan-review.bpmn on an in-memory engine, with the review listener stubbed. */
@Deployment(resources = {
        "processes/account-plan-review.bpmn",
        "processes/forms/account-plan-update.form",
        "processes/forms/account-plan-review.form"})
class AccountPlanReviewProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-inmemory.cfg.xml").build();

    private static final String NEXT_QUARTER = AccountPlans.nextReviewAt(LocalDate.now())
            .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private final List<String> recordedDecisions = new ArrayList<>();
    // stands in for PlanReviewCycles: the account's tier as the database would say, and the cycles that ended
    private final StrategicAccounts strategic = new StrategicAccounts();

    public static class StrategicAccounts {
        public final java.util.Set<String> strategic = new java.util.HashSet<>(List.of("ACC-7"));
        public final List<String> ended = new ArrayList<>();

        public boolean stillStrategic(String accountId) {
            return strategic.contains(accountId);
        }

        public void cycleEnded(String accountId) {
            ended.add(accountId);
        }
    }
    private ProcessInstance cycle;

    // the extension deploys the process after @BeforeEach methods ran, so each test starts its cycle itself
    private void start() {
        // stands in for RecordPlanReview: keeps the decision and sets the next quarter's start
        Mocks.register("recordPlanReview", (TaskListener) task -> {
            recordedDecisions.add(String.valueOf(task.getVariable("reviewDecision")));
            task.getExecution().setVariable("nextReviewAt", NEXT_QUARTER);
        });
        Mocks.register("planReviewCycles", strategic);
        cycle = runtimeService().startProcessInstanceByKey("account-plan-review", "ACC-7",
                Map.of("accountId", "ACC-7", "accountName", "Keystone Mutual", "fiscalYear", 2026));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void updateThenApproveWaitsForTheNextQuarterAndThenAsksForTheNextUpdate() {
        start();
        assertThat(cycle).isWaitingAt("Task_UpdateAccountPlan");
        complete(task("Task_UpdateAccountPlan", cycle), withVariables("planUpdate", "Q4 objectives on track"));

        assertThat(cycle).isWaitingAt("Task_ReviewAccountPlan");
        complete(task("Task_ReviewAccountPlan", cycle),
                withVariables("reviewDecision", "APPROVED", "reviewComment", "Good plan"));

        then(recordedDecisions).containsExactly("APPROVED");
        assertThat(cycle).isWaitingAt("Timer_NextQuarter");
        then(job("Timer_NextQuarter", cycle).getDuedate()).isNotNull();
        then(LocalDateTime.ofInstant(job("Timer_NextQuarter", cycle).getDuedate().toInstant(), ZoneId.systemDefault()))
                .isEqualTo(AccountPlans.nextReviewAt(LocalDate.now()));

        execute(job("Timer_NextQuarter", cycle));
        assertThat(cycle).isWaitingAt("Task_UpdateAccountPlan");
        then(timesCompleted("Task_UpdateAccountPlan")).isEqualTo(1);
    }

    @Test
    void anAccountNoLongerStrategicAtTheNextQuarterEndsItsCycle() {
        start();
        complete(task("Task_UpdateAccountPlan", cycle), withVariables("planUpdate", "Q4 objectives on track"));
        complete(task("Task_ReviewAccountPlan", cycle),
                withVariables("reviewDecision", "APPROVED", "reviewComment", "Good plan"));
        strategic.strategic.remove("ACC-7");

        execute(job("Timer_NextQuarter", cycle));

        assertThat(cycle).isEnded().hasPassed("End_NoLongerStrategic");
        then(strategic.ended).containsExactly("ACC-7");
        then(timesCompleted("Task_UpdateAccountPlan")).isEqualTo(1);
    }

    @Test
    void updateSentBackWithACommentIsUpdatedAgainAndThenApproved() {
        start();
        complete(task("Task_UpdateAccountPlan", cycle), withVariables("planUpdate", "First draft"));
        complete(task("Task_ReviewAccountPlan", cycle),
                withVariables("reviewDecision", "SENT_BACK", "reviewComment", "Add an expansion objective"));

        assertThat(cycle).isWaitingAt("Task_UpdateAccountPlan");
        then(runtimeService().getVariable(cycle.getId(), "reviewComment")).isEqualTo("Add an expansion objective");

        complete(task("Task_UpdateAccountPlan", cycle), withVariables("planUpdate", "Added the expansion objective"));
        complete(task("Task_ReviewAccountPlan", cycle),
                withVariables("reviewDecision", "APPROVED", "reviewComment", "Approved"));

        then(recordedDecisions).containsExactly("SENT_BACK", "APPROVED");
        assertThat(cycle).isWaitingAt("Timer_NextQuarter");
        then(timesCompleted("Task_UpdateAccountPlan")).isEqualTo(2);
        then(timesCompleted("Task_ReviewAccountPlan")).isEqualTo(2);
    }

    @Test
    void theNextReviewStartsOnTheFirstDayOfTheNextQuarter() {
        then(AccountPlans.nextReviewAt(LocalDate.of(2026, 11, 28)).toString()).isEqualTo("2027-01-01T09:00");
        then(AccountPlans.nextReviewAt(LocalDate.of(2026, 1, 1)).toString()).isEqualTo("2026-04-01T09:00");
        then(AccountPlans.nextReviewAt(LocalDate.of(2026, 6, 30)).toString()).isEqualTo("2026-07-01T09:00");
    }

    private long timesCompleted(String activityId) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
                .activityId(activityId).finished().count();
    }
}
