package dev.accountflow.opportunity;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paths of processes/opportunity-request.bpmn (Tasklist's start form) and processes/opportunity-assist.bpmn (a
 * colleague's help) on an in-memory engine, with stand-ins for the delegates; the real checks run in
 * OpportunityStartFormIT and OpportunityAssistIT.
 */
@Deployment(resources = {
        "processes/opportunity-request.bpmn",
        "processes/opportunity-assist.bpmn",
        "processes/forms/opportunity-start.form",
        "processes/forms/opportunity-assist.form"})
class OpportunityHelpProcessesTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-inmemory.cfg.xml").build();

    private final List<String> calls = new ArrayList<>();

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void anAcceptedRequestOpensTheDealAndEnds() {
        Mocks.register("openRequestedOpportunity", (JavaDelegate) e -> calls.add("open:" + e.getVariable("amount")));
        ProcessInstance request = runtimeService().startProcessInstanceByKey("opportunity-request",
                Map.of("accountId", "ACC-1", "type", "EXPANSION", "amount", "702,400"));
        assertThat(request).hasPassed("Task_OpenOpportunity").isEnded().hasPassed("End_OpportunityOpened");
        then(calls).containsExactly("open:702,400");
    }

    @Test
    void aRefusedRequestStartsNothing() {
        Mocks.register("openRequestedOpportunity", (JavaDelegate) e -> {
            throw new BadUserRequestException("Invalid opportunity: amount: must be more than $0");
        });
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("opportunity-request",
                Map.of("amount", "-5"))).hasMessageContaining("amount: must be more than $0");
        then(runtimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void theColleaguesAnswerIsRecordedAndTheAssistEnds() {
        Mocks.register("recordColleagueAssist", (JavaDelegate) e -> calls.add(e.getVariable("assistantId") + ":"
                + e.getVariable("assistNotes")));
        ProcessInstance assist = runtimeService().startProcessInstanceByKey("opportunity-assist", "OPP-1",
                Map.of("ownerId", "ben", "opportunityName", "Analytics expansion", "assistantId", "amy",
                        "assistRequest", "Join the CFO call"));
        assertThat(assist).isWaitingAt("Task_AssistColleague");
        then(task("Task_AssistColleague", assist).getName()).isEqualTo("Assist ben on Analytics expansion");
        complete(task("Task_AssistColleague", assist), withVariables("assistNotes", "Joined; two phases"));
        assertThat(assist).hasPassed("Task_RecordColleagueAssist").isEnded().hasPassed("End_Assisted");
        then(calls).containsExactly("amy:Joined; two phases");
    }
}
