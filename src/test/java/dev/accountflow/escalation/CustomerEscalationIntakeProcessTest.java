package dev.accountflow.escalation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paths of processes/customer-escalation-intake.bpmn (Tasklist's start form for raising an escalation) on an
 * in-memory engine, with a stand-in for the delegate; the real checks run in EscalationStartFormIT.
 */
@Deployment(resources = {"processes/customer-escalation-intake.bpmn", "processes/forms/customer-escalation-start.form"})
class CustomerEscalationIntakeProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-inmemory.cfg.xml").build();

    private final List<String> calls = new ArrayList<>();

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void tasklistOffersTheStartFormToAccountManagersAndAnAcceptedEscalationIsRaisedAndEnds() {
        var definition = repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("customer-escalation-intake").singleResult();
        then(definition.isStartableInTasklist()).isTrue();
        then(repositoryService().getIdentityLinksForProcessDefinition(definition.getId()))
                .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).containsExactly("account-managers");
        Mocks.register("raiseRequestedEscalation", (JavaDelegate) e -> calls.add("raise:" + e.getVariable("accountId")
                + ":" + e.getVariable("division") + ":" + e.getVariable("severity")));
        ProcessInstance intake = runtimeService().startProcessInstanceByKey("customer-escalation-intake",
                Map.of("accountId", "ACC-1", "division", "BILLING", "severity", "S1", "summary", "Invoices doubled"));
        assertThat(intake).hasPassed("Start_EscalationRequested", "Task_RaiseEscalation", "End_EscalationRaised")
                .isEnded();
        then(calls).containsExactly("raise:ACC-1:BILLING:S1");
    }

    @Test
    void aRefusedEscalationLeavesNoProcessBehind() {
        Mocks.register("raiseRequestedEscalation", (JavaDelegate) e -> {
            throw new AuthorizationException("Only the account's manager raises escalations for Harbor Health");
        });
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("customer-escalation-intake",
                Map.of("accountId", "ACC-2"))).hasMessageContaining("Only the account's manager");
        then(runtimeService().createProcessInstanceQuery().count()).isZero();
    }
}
