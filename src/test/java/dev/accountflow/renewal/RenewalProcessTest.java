package dev.accountflow.renewal;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.money.Money;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Walks every path of processes/renewal.bpmn on an in-memory engine, with the delegates stubbed. */
@Deployment(resources = {
        "processes/renewal.bpmn",
        "processes/forms/renewal-prepare-plan.form",
        "processes/forms/renewal-executive-check-in.form",
        "processes/forms/renewal-prepare-quote.form",
        "processes/forms/renewal-approve-discount.form",
        "processes/forms/renewal-negotiate.form",
        "processes/forms/renewal-review-escalation.form"})
class RenewalProcessTest {

    // a file name of its own: a camunda.cfg.xml on the classpath would replace the application's default engine
    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-inmemory.cfg.xml").build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate END_DATE = LocalDate.now().plusDays(85);
    private static final LocalDateTime ESCALATION_AT = END_DATE.minusDays(30).atTime(LocalTime.of(9, 0));

    /** Every form shows the account context read-only. */
    private static final Set<String> ACCOUNT_CONTEXT =
            Set.of("accountName", "product", "currentArr", "endsOn", "daysLeft", "healthReasons");

    /** What the contract says each task's form takes (besides the account context). */
    private static final Map<String, Set<String>> FORM_TAKES = Map.of(
            "Task_PrepareRenewalPlan", Set.of("renewalPlan"),
            "Task_ExecutiveCheckIn", Set.of("execCheckInNotes", "executiveEngaged"),
            "Task_PrepareQuote", Set.of("proposedArr", "termMonths"),
            "Task_ApproveDiscount", Set.of("discountApproved", "approvalComment"),
            "Task_Negotiate", Set.of("outcome", "newArr", "churnReason"),
            "Task_ReviewEscalatedRenewal", Set.of("managerNote"));

    /** The quote as the server computed it: the rep proposes the ARR, never the discount. */
    private static final Map<String, Set<String>> FORM_SHOWS_READ_ONLY = Map.of(
            "Task_ApproveDiscount", Set.of("quotedArr", "quotedDiscount", "quotedTerm", "approvalReason"),
            "Task_Negotiate", Set.of("quotedArr", "quotedDiscount", "quotedTerm", "approvedBy", "managerComment"));

    private static final Map<String, Set<String>> FORM_REQUIRES = Map.of(
            "Task_PrepareRenewalPlan", Set.of("renewalPlan"),
            "Task_ExecutiveCheckIn", Set.of("execCheckInNotes"),
            "Task_PrepareQuote", Set.of("proposedArr"),
            "Task_Negotiate", Set.of("outcome"));

    private final RecordingDelegate assessRenewalHealth = new RecordingDelegate(execution -> {
        execution.setVariable("atRisk", true);
        execution.setVariable("healthReasons", "No executive contact for 75 days and renewal in 85 days");
    });
    // Mirrors the server: the discount is computed from the proposed vs the current ARR; above 15% needs a sales manager.
    private final RecordingDelegate checkRenewalDiscount = new RecordingDelegate(execution -> {
        double current = ((Number) execution.getVariable("arr")).doubleValue();
        double proposed = Money.require("proposedArr", execution.getVariable("proposedArr")).doubleValue();
        double discountPct = Math.round((current - proposed) * 10000 / current) / 100.0;
        execution.setVariable("discountPct", discountPct);
        execution.setVariable("approvalRequired", discountPct > 15);
        execution.setVariable("approvalReason", discountPct > 15 ? "Discount above 15% needs sales-managers approval" : null);
    });
    private final List<Boolean> outcomesWithinQuote = new ArrayList<>();
    private final RecordingDelegate checkOutcomeAgainstQuote = new RecordingDelegate(execution ->
            execution.setVariable("outcomeWithinQuote", outcomesWithinQuote.isEmpty() || outcomesWithinQuote.remove(0)));
    private final RecordingDelegate recordRenewalOutcome = new RecordingDelegate();
    private final List<String> figuresShownOn = new ArrayList<>();
    private final List<String> approvalAnswers = new ArrayList<>();
    private final RecordingDelegate remindOverdueTasks = new RecordingDelegate();
    private final RecordingDelegate escalateRenewal = new RecordingDelegate();

    private ProcessInstance renewal;

    @BeforeEach
    void registerDelegates(ProcessEngine engine) {
        init(engine);
        Mocks.register("assessRenewalHealth", assessRenewalHealth);
        Mocks.register("checkRenewalDiscount", checkRenewalDiscount);
        Mocks.register("checkOutcomeAgainstQuote", checkOutcomeAgainstQuote);
        Mocks.register("recordRenewalOutcome", recordRenewalOutcome);
        Mocks.register("showRenewalFigures", (TaskListener) task -> figuresShownOn.add(task.getTaskDefinitionKey()));
        Mocks.register("recordApprovalAnswer", (TaskListener) task ->
                approvalAnswers.add(String.valueOf(task.getVariable("discountApproved"))));
        Mocks.register("remindOverdueTasks", remindOverdueTasks);
        Mocks.register("escalateRenewal", escalateRenewal);
        // the real timer bean, with the subscription's end date as the database would give it for SUB-1001
        Mocks.register("renewalTimers", new RenewalTimers(subscriptionId -> {
            then(subscriptionId).as("timers read the renewal's own subscription").isEqualTo("SUB-1001");
            return END_DATE;
        },
                new RenewalProperties(120, 30, "R/P1D")));
    }

    @AfterEach
    void resetMocksAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void renewedWithoutDiscountApproval() {
        startRenewal();

        assertThat(renewal).hasPassed("Task_AssessHealth").isWaitingAt("Task_PrepareRenewalPlan");
        then(assessRenewalHealth.calls()).hasSize(1);
        then(assessRenewalHealth.lastCall()).containsEntry("accountId", "ACC-42");
        assertThat(renewal).variables()
                .containsEntry("atRisk", true)
                .containsEntry("healthReasons", "No executive contact for 75 days and renewal in 85 days");

        workThroughToNegotiation(5.0);
        assertThat(renewal).isWaitingAt("Task_Negotiate").hasNotPassed("Task_ApproveDiscount");
        then(checkRenewalDiscount.lastCall()).containsEntry("proposedArr", "114,000");
        assertThat(renewal).variables().containsEntry("discountPct", 5.0);
        then(figuresShownOn).as("every task shows the server's figures")
                .containsExactly("Task_PrepareRenewalPlan", "Task_ExecutiveCheckIn", "Task_PrepareQuote", "Task_Negotiate");

        submitForm("Task_Negotiate", withVariables("outcome", "RENEWED"));

        assertThat(renewal).hasPassed("Task_RecordOutcome", "End_RenewalWorkDone", "End_RenewalClosed").isEnded();
        then(recordRenewalOutcome.calls()).hasSize(1);
        then(recordRenewalOutcome.lastCall()).containsEntry("subscriptionId", "SUB-1001").containsEntry("outcome", "RENEWED");
        then(jobQuery().count()).as("reminder and escalation timers end with the renewal work").isZero();
    }

    @Test
    void downsoldRecordsTheNewArr() {
        startRenewal();
        workThroughToNegotiation(5.0);

        submitForm("Task_Negotiate", withVariables("outcome", "DOWNSOLD", "newArr", "90,000"));

        assertThat(renewal).hasPassed("Task_RecordOutcome").isEnded();
        then(recordRenewalOutcome.lastCall())
                .containsEntry("outcome", "DOWNSOLD")
                .containsEntry("newArr", "90,000");
    }

    @Test
    void churnedRecordsTheReason() {
        startRenewal();
        workThroughToNegotiation(5.0);

        submitForm("Task_Negotiate", withVariables("outcome", "CHURNED", "churnReason", "Consolidated on a competitor's suite"));

        assertThat(renewal).hasPassed("Task_RecordOutcome").isEnded();
        then(recordRenewalOutcome.lastCall())
                .containsEntry("outcome", "CHURNED")
                .containsEntry("churnReason", "Consolidated on a competitor's suite");
    }

    @Test
    void discountAboveTheGateIsApprovedBeforeNegotiation() {
        startRenewal();
        workThroughToNegotiation(20.0);

        assertThat(renewal).isWaitingAt("Task_ApproveDiscount").hasNotPassed("Task_Negotiate");
        assertThat(renewal).variables()
                .containsEntry("approvalRequired", true)
                .containsEntry("approvalReason", "Discount above 15% needs sales-managers approval");

        submitForm("Task_ApproveDiscount", withVariables("discountApproved", true, "approvalComment", "Three-year term justifies it"));
        assertThat(renewal).isWaitingAt("Task_Negotiate");

        submitForm("Task_Negotiate", withVariables("outcome", "RENEWED"));
        assertThat(renewal).hasPassedInOrder("Task_ApproveDiscount", "Task_Negotiate", "Task_RecordOutcome").isEnded();
    }

    @Test
    void refusedDiscountSendsTheQuoteBackAndARevisedQuoteWithinTheGateGoesStraightToNegotiation() {
        startRenewal();
        workThroughToNegotiation(25.0);
        assertThat(renewal).isWaitingAt("Task_ApproveDiscount");

        submitForm("Task_ApproveDiscount", withVariables("discountApproved", false, "approvalComment", "Keep it within 15%"));
        assertThat(renewal).isWaitingAt("Task_PrepareQuote").hasNotPassed("Task_Negotiate");

        submitForm("Task_PrepareQuote", withVariables("proposedArr", "$105,600.00", "termMonths", 24));
        assertThat(renewal).isWaitingAt("Task_Negotiate");
        then(checkRenewalDiscount.calls()).hasSize(2);
        then(checkRenewalDiscount.lastCall()).containsEntry("proposedArr", "$105,600.00").containsEntry("termMonths", 24);
        assertThat(renewal).variables().containsEntry("discountPct", 12.0);
        then(approvalAnswers).containsExactly("false");
        then(timesCompleted("Task_PrepareQuote")).isEqualTo(2);
        then(timesCompleted("Task_ApproveDiscount")).as("the revised quote did not need approval").isEqualTo(1);
    }

    @Test
    void anOutcomeBelowTheAgreedQuoteGoesBackForApprovalBeforeItIsRecorded() {
        startRenewal();
        workThroughToNegotiation(5.0);
        outcomesWithinQuote.add(false);

        submitForm("Task_Negotiate", withVariables("outcome", "RENEWED", "newArr", "90,000"));

        assertThat(renewal).hasPassed("Task_CheckOutcome").isWaitingAt("Task_ApproveDiscount").hasNotPassed("Task_RecordOutcome");
        then(recordRenewalOutcome.calls()).isEmpty();
        submitForm("Task_ApproveDiscount", withVariables("discountApproved", true, "approvalComment", "Multi-year deal"));
        assertThat(renewal).isWaitingAt("Task_Negotiate");
        submitForm("Task_Negotiate", withVariables("outcome", "RENEWED", "newArr", "90,000"));
        assertThat(renewal).hasPassed("Task_RecordOutcome").isEnded();
        then(recordRenewalOutcome.calls()).hasSize(1);
        then(approvalAnswers).containsExactly("true");
    }

    @Test
    void overdueReminderRepeatsWhileTheRenewalWorkWaits() {
        startRenewal();
        submitForm("Task_PrepareRenewalPlan", withVariables("renewalPlan", "Multi-year renewal with the clinical suite"));
        Task checkIn = task("Task_ExecutiveCheckIn", renewal);
        Job firstReminder = job("Timer_OverdueReminder", renewal);
        Date aDayFromNow = Date.from(ClockUtil.getCurrentTime().toInstant().plus(1, ChronoUnit.DAYS));
        then(firstReminder.getDuedate()).isCloseTo(aDayFromNow, 60_000);

        ClockUtil.setCurrentTime(firstReminder.getDuedate());
        execute(firstReminder);

        then(remindOverdueTasks.calls()).hasSize(1);
        then(remindOverdueTasks.lastCall()).containsEntry("subscriptionId", "SUB-1001");
        assertThat(renewal).hasPassed("Task_RemindOverdueTasks", "End_ReminderSent").isWaitingAt("Task_ExecutiveCheckIn");
        then(task("Task_ExecutiveCheckIn", renewal).getId()).as("the task itself is not interrupted").isEqualTo(checkIn.getId());
        Job nextReminder = job("Timer_OverdueReminder", renewal);
        then(nextReminder.getId()).isNotEqualTo(firstReminder.getId());
        then(nextReminder.getDuedate()).isAfter(firstReminder.getDuedate());
    }

    @Test
    void escalationOpensAManagerReviewAndTheRenewalClosesOnlyWhenBothAreDone() {
        startRenewal();
        submitForm("Task_PrepareRenewalPlan", withVariables("renewalPlan", "Multi-year renewal with the clinical suite"));
        submitForm("Task_ExecutiveCheckIn", withVariables("execCheckInNotes", "CFO wants a price cap", "executiveEngaged", true));
        Job escalation = job("Timer_RenewalEscalation", renewal);
        then(escalation.getDuedate()).isEqualTo(Date.from(ESCALATION_AT.atZone(ZoneId.systemDefault()).toInstant()));

        ClockUtil.setCurrentTime(escalation.getDuedate());
        execute(escalation);

        then(escalateRenewal.calls()).hasSize(1);
        then(escalateRenewal.lastCall()).containsEntry("subscriptionId", "SUB-1001").containsEntry("ownerId", "alice");
        assertThat(renewal).isWaitingAt("Task_PrepareQuote", "Task_ReviewEscalatedRenewal");
        then(jobQuery().activityId("Timer_RenewalEscalation").count()).as("the escalation fires once").isZero();

        submitForm("Task_PrepareQuote", withVariables("proposedArr", "114,000"));
        submitForm("Task_Negotiate", withVariables("outcome", "RENEWED"));
        assertThat(renewal).hasPassed("End_RenewalWorkDone").isNotEnded().isWaitingAtExactly("Task_ReviewEscalatedRenewal");
        then(jobQuery().activityId("Timer_OverdueReminder").count()).as("no reminders once the renewal work is done").isZero();

        submitForm("Task_ReviewEscalatedRenewal", withVariables("managerNote", "Called the CFO; renewal signed"));
        assertThat(renewal).hasPassed("End_EscalationReviewed", "End_RenewalClosed").isEnded();
    }

    @Test
    void everyUserTaskOpensAFormWithTheFieldsItTakesAndNamesNoAssignee() throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromStream(classpath("processes/renewal.bpmn"));
        Map<String, JsonNode> formsById = formsOnClasspath();
        Set<String> userTaskIds = new HashSet<>();

        for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
            String taskId = userTask.getId();
            userTaskIds.add(taskId);
            then(userTask.getCamundaAssignee()).as("%s assignee", taskId).isNull();
            then(userTask.getCamundaCandidateGroups()).as("%s candidate groups", taskId).isNull();
            then(userTask.getCamundaCandidateUsers()).as("%s candidate users", taskId).isNull();
            then(userTask.getResourceRoles()).as("%s performers", taskId).isEmpty();
            then(userTask.getCamundaFormRefBinding()).as("%s form binding", taskId).isEqualTo("deployment");
            then(formsById).as("form file for %s", taskId).containsKey(userTask.getCamundaFormRef());

            List<JsonNode> components = new ArrayList<>();
            formsById.get(userTask.getCamundaFormRef()).path("components").forEach(components::add);
            for (JsonNode component : components) {
                then(component.path("id").asText()).as("%s: component id", taskId).isNotBlank();
                then(component.path("key").asText()).as("%s: component key", taskId).isNotBlank();
                then(component.path("label").asText()).as("%s: component label", taskId).isNotBlank();
            }
            Set<String> editable = keys(components, c -> !c.path("readonly").asBoolean());
            Set<String> readOnly = keys(components, c -> c.path("readonly").asBoolean());
            Set<String> required = keys(components, c -> c.path("validate").path("required").asBoolean());

            then(readOnly).as("%s shows read-only", taskId)
                    .containsAll(ACCOUNT_CONTEXT)
                    .containsAll(FORM_SHOWS_READ_ONLY.getOrDefault(taskId, Set.of()));
            then(editable).as("%s takes", taskId).containsAll(FORM_TAKES.get(taskId));
            then(required).as("%s requires", taskId).containsAll(FORM_REQUIRES.getOrDefault(taskId, Set.of()));
        }
        then(userTaskIds).isEqualTo(FORM_TAKES.keySet());
    }

    private void startRenewal() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("subscriptionId", "SUB-1001");
        variables.put("accountId", "ACC-42");
        variables.put("accountName", "Northwind Health");
        variables.put("ownerId", "alice");
        variables.put("product", "CareSuite");
        variables.put("arr", 120000.0);
        variables.put("endDate", END_DATE.toString());
        variables.put("daysLeft", 85L);
        renewal = runtimeService().startProcessInstanceByKey("renewal", "SUB-1001", variables);
    }

    private void workThroughToNegotiation(double discountPct) {
        submitForm("Task_PrepareRenewalPlan", withVariables("renewalPlan", "Multi-year renewal with the clinical suite"));
        submitForm("Task_ExecutiveCheckIn", withVariables("execCheckInNotes", "CFO wants a price cap", "executiveEngaged", true));
        submitForm("Task_PrepareQuote", withVariables("proposedArr", proposedFor(discountPct)));
    }

    /** The proposed ARR, as a rep types it, that gives the discount against the current 120,000. */
    private static String proposedFor(double discountPct) {
        return String.format(java.util.Locale.US, "%,.0f", 120_000 * (100 - discountPct) / 100);
    }

    /** Completes the task the way Tasklist would: only with fields its deployed form has. */
    private void submitForm(String taskKey, Map<String, Object> variables) {
        Task task = task(taskKey, renewal);
        then(fieldKeysOfDeployedForm(task)).as("fields on the form of %s", taskKey).containsAll(variables.keySet());
        complete(task, variables);
    }

    private static Set<String> fieldKeysOfDeployedForm(Task task) {
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            List<JsonNode> components = new ArrayList<>();
            JSON.readTree(form).path("components").forEach(components::add);
            return keys(components, c -> true);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the form of " + task.getTaskDefinitionKey(), e);
        }
    }

    private long timesCompleted(String activityId) {
        return historyService().createHistoricActivityInstanceQuery()
                .processInstanceId(renewal.getId()).activityId(activityId).finished().count();
    }

    private static Set<String> keys(List<JsonNode> components, Predicate<JsonNode> filter) {
        return components.stream().filter(filter).map(c -> c.path("key").asText()).collect(Collectors.toSet());
    }

    private static Map<String, JsonNode> formsOnClasspath() throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/forms/*.form")) {
            try (InputStream in = resource.getInputStream()) {
                JsonNode form = JSON.readTree(in);
                forms.put(form.path("id").asText(), form);
            }
        }
        return forms;
    }

    private static InputStream classpath(String resource) {
        InputStream in = RenewalProcessTest.class.getClassLoader().getResourceAsStream(resource);
        then(in).as(resource).isNotNull();
        return in;
    }

    /** Stands in for a delegate bean: remembers the variables of each call, then does what the test tells it. */
    static final class RecordingDelegate implements JavaDelegate {
        private final List<Map<String, Object>> calls = new ArrayList<>();
        private final Consumer<DelegateExecution> behaviour;

        RecordingDelegate(Consumer<DelegateExecution> behaviour) {
            this.behaviour = behaviour;
        }

        RecordingDelegate() {
            this(execution -> { });
        }

        @Override
        public void execute(DelegateExecution execution) {
            calls.add(new HashMap<>(execution.getVariables()));
            behaviour.accept(execution);
        }

        List<Map<String, Object>> calls() {
            return calls;
        }

        Map<String, Object> lastCall() {
            then(calls).as("calls").isNotEmpty();
            return calls.get(calls.size() - 1);
        }
    }
}
