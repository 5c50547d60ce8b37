package dev.accountflow.escalation;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dev.accountflow.rules.CompiledRuleSet;
import dev.accountflow.rules.EscalationFacts;
import dev.accountflow.rules.EscalationRouting;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.rules.RuleCompiler;
import dev.accountflow.rules.RuleTemplate;
import java.time.Instant;
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
 * Walks every path of processes/customer-escalation.bpmn on an in-memory engine with a fixed clock. Routing runs the
 * real escalation-routing table and the real business-hours SLA; the listeners that write to the database are stood in
 * for and record what they were asked to do.
 */
@Deployment(resources = {
        "processes/customer-escalation.bpmn",
        "processes/forms/customer-escalation-acknowledge.form",
        "processes/forms/customer-escalation-work.form",
        "processes/forms/customer-escalation-confirm.form"})
class CustomerEscalationProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-inmemory.cfg.xml").build();

    private static final RuleTemplate TABLE = RuleTemplate.of(RuleBook.ESCALATION_ROUTING).orElseThrow();
    private static final CompiledRuleSet ROUTING = new RuleCompiler().compile("escalation-routing", 1,
            TABLE.toDrl(TABLE.seedRows()));
    // a Friday, 15:00 UTC: two business hours left today, the rest of the SLA runs from Monday 09:00
    private static final Instant RAISED = Instant.parse("2026-12-04T15:00:00Z");

    private final List<String> events = new ArrayList<>();
    private ProcessInstance escalation;

    // the extension deploys the process after @BeforeEach methods ran, so each test starts its escalation itself
    private void raise(String division, String severity, String tier) {
        ClockUtil.setCurrentTime(Date.from(RAISED));
        // stands in for RouteEscalation: the real table and the real business-hours clock over the stored facts
        Mocks.register("routeEscalation", (JavaDelegate) execution -> {
            EscalationFacts facts = new EscalationFacts();
            facts.setDivision(division);
            facts.setSeverity(severity);
            facts.setAccountName("Harbor Health System");
            facts.setTier(tier);
            facts.setVertical("HEALTHCARE");
            facts.setArr(480_000);
            EscalationRouting routing = new EscalationRouting();
            ROUTING.execute(List.of(facts, routing));
            execution.setVariables(Escalations.clock(routing.getGroup(), ClockUtil.getCurrentTime().toInstant(),
                    routing.getAcknowledgeWithinHours(), routing.getResolveWithinBusinessDays()).variables());
            events.add("routed to " + routing.getGroup());
        });
        Mocks.register("recordAcknowledgement", (TaskListener) task -> events.add("acknowledged"));
        Mocks.register("recordEscalationWork", (TaskListener) task -> {
            boolean resolved = Boolean.TRUE.equals(task.getVariable("resolved"));
            events.add(resolved ? "resolved: " + task.getVariable("resolution") : "note: " + task.getVariable("workNote"));
            task.getExecution().setVariable("resolved", resolved);
        });
        Mocks.register("recordCustomerAnswer", (TaskListener) task -> {
            boolean confirmed = Boolean.TRUE.equals(task.getVariable("customerConfirmed"));
            events.add(confirmed ? "closed" : "reopened: " + task.getVariable("reopenReason"));
            if (!confirmed) {
                task.getExecution().setVariables(Escalations.clock("billing", ClockUtil.getCurrentTime().toInstant(),
                        4, 2).variables());
                task.getExecution().setVariable("resolved", false);
            }
        });
        Mocks.register("remindEscalationGroup", (JavaDelegate) execution ->
                events.add("reminded to " + execution.getVariableLocal("slaStage")));
        Mocks.register("escalateBreach", (JavaDelegate) execution ->
                events.add("breach of " + execution.getVariableLocal("slaStage")));
        escalation = runtimeService().startProcessInstanceByKey("customer-escalation", "ESC-1",
                Map.of("accountId", "ACC-1", "accountName", "Harbor Health System", "summary", "Invoices doubled",
                        "customerImpact", "Finance cannot close the month", "division", division, "severity", severity));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void anS1OnAStrategicAccountIsRoutedWithABusinessHoursSla() {
        raise("BILLING", "S1", "STRATEGIC");

        assertThat(escalation).isWaitingAt("Task_AcknowledgeEscalation").hasPassed("Task_RouteEscalation")
                .variables().containsEntry("escalationGroup", "billing")
                // 4 business hours: Friday 15:00–17:00, Monday 09:00–11:00
                .containsEntry("acknowledgeBy", "2026-12-07T11:00:00Z")
                .containsEntry("acknowledgeRemindAt", "2026-12-04T17:00:00Z")
                // 2 business days = 16 business hours: Friday 2, Monday 8, Tuesday 6
                .containsEntry("resolveBy", "2026-12-08T15:00:00Z")
                .containsEntry("resolveRemindAt", "2026-12-07T15:00:00Z");
        then(dueOf("Timer_AcknowledgeBreached")).isEqualTo("2026-12-07T11:00:00Z");
        then(dueOf("Timer_ResolveBreached")).isEqualTo("2026-12-08T15:00:00Z");
    }

    @Test
    void acknowledgedWorkedWithANoteResolvedAndConfirmedCloses() {
        raise("BILLING", "S1", "STRATEGIC");
        complete(task("Task_AcknowledgeEscalation", escalation), withVariables("acknowledgeNote", "On it"));
        assertThat(escalation).isWaitingAt("Task_WorkEscalation");

        complete(task("Task_WorkEscalation", escalation), withVariables("workNote", "Credit note drafted",
                "resolved", false));
        assertThat(escalation).isWaitingAt("Task_WorkEscalation");
        complete(task("Task_WorkEscalation", escalation), withVariables("resolved", true,
                "resolution", "Duplicate invoices voided"));

        assertThat(escalation).isWaitingAt("Task_ConfirmWithCustomer");
        then(job("Timer_ResolveBreached", escalation)).as("the resolve timers end with the division's answer").isNull();
        complete(task("Task_ConfirmWithCustomer", escalation), withVariables("customerConfirmed", true));

        assertThat(escalation).isEnded().hasPassed("End_EscalationClosed");
        then(events).containsExactly("routed to billing", "acknowledged", "note: Credit note drafted",
                "resolved: Duplicate invoices voided", "closed");
    }

    @Test
    void reopenedGoesBackToTheDivisionUnderAFreshSla() {
        raise("SUPPORT", "S2", "ENTERPRISE");
        complete(task("Task_AcknowledgeEscalation", escalation));
        complete(task("Task_WorkEscalation", escalation), withVariables("resolved", true, "resolution", "Restarted"));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-09T10:00:00Z")));

        complete(task("Task_ConfirmWithCustomer", escalation), withVariables("customerConfirmed", false,
                "reopenReason", "Still failing overnight"));

        assertThat(escalation).isWaitingAt("Task_AcknowledgeEscalation").isNotEnded();
        // the fresh clock counts from the reopening: 4 business hours after Wednesday 10:00
        then(dueOf("Timer_AcknowledgeBreached")).isEqualTo("2026-12-09T14:00:00Z");
        complete(task("Task_AcknowledgeEscalation", escalation));
        complete(task("Task_WorkEscalation", escalation), withVariables("resolved", true, "resolution", "Patched"));
        complete(task("Task_ConfirmWithCustomer", escalation), withVariables("customerConfirmed", true));
        assertThat(escalation).isEnded();
        then(events).containsExactly("routed to support", "acknowledged", "resolved: Restarted",
                "reopened: Still failing overnight", "acknowledged", "resolved: Patched", "closed");
    }

    @Test
    void halfTheTimeToAcknowledgeGoneRemindsTheGroupAndTheTaskStays() {
        raise("BILLING", "S1", "STRATEGIC");

        ClockUtil.setCurrentTime(job("Timer_AcknowledgeReminder", escalation).getDuedate());
        execute(job("Timer_AcknowledgeReminder", escalation));

        assertThat(escalation).isWaitingAt("Task_AcknowledgeEscalation").hasPassed("End_RemindedToAcknowledge");
        then(events).containsExactly("routed to billing", "reminded to acknowledge");
    }

    @Test
    void notAcknowledgedByTheDeadlineEscalatesTheBreachAndTheTaskStays() {
        raise("BILLING", "S1", "STRATEGIC");
        execute(job("Timer_AcknowledgeReminder", escalation));

        ClockUtil.setCurrentTime(job("Timer_AcknowledgeBreached", escalation).getDuedate());
        execute(job("Timer_AcknowledgeBreached", escalation));

        assertThat(escalation).isWaitingAt("Task_AcknowledgeEscalation").hasPassed("End_UnacknowledgedEscalated");
        then(events).containsExactly("routed to billing", "reminded to acknowledge", "breach of acknowledge");
    }

    @Test
    void notResolvedByTheDeadlineRemindsThenEscalatesWhileTheDivisionWorks() {
        raise("LEGAL", "S3", "GROWTH");
        complete(task("Task_AcknowledgeEscalation", escalation));

        execute(job("Timer_ResolveReminder", escalation));
        execute(job("Timer_ResolveBreached", escalation));

        assertThat(escalation).isWaitingAt("Task_WorkEscalation").hasPassed("End_RemindedToResolve",
                "End_UnresolvedEscalated");
        then(events).containsExactly("routed to legal", "acknowledged", "reminded to resolve", "breach of resolve");
    }

    private String dueOf(String timer) {
        return job(timer, escalation).getDuedate().toInstant().toString();
    }
}
