package dev.accountflow.featurerequest;

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
 * The paths of processes/feature-request-intake.bpmn (Tasklist's start form for logging a feature request) on an
 * in-memory engine, with a stand-in for the delegate; the real checks run in FeatureRequestStartFormIT.
 */
@Deployment(resources = {"processes/feature-request-intake.bpmn", "processes/forms/feature-request-start.form"})
class FeatureRequestIntakeProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-inmemory.cfg.xml").build();

    private final List<String> calls = new ArrayList<>();

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void tasklistOffersTheStartFormAndAnAcceptedRequestIsLoggedAndEnds() {
        var definition = repositoryService().createProcessDefinitionQuery().processDefinitionKey("feature-request-intake")
                .singleResult();
        then(definition.isStartableInTasklist()).isTrue();
        then(repositoryService().getIdentityLinksForProcessDefinition(definition.getId()))
                .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).containsExactly("account-managers");
        Mocks.register("logRequestedFeature", (JavaDelegate) e -> calls.add("log:" + e.getVariable("accountId")
                + ":" + e.getVariable("title")));
        ProcessInstance request = runtimeService().startProcessInstanceByKey("feature-request-intake",
                Map.of("accountId", "ACC-1", "title", "Export dashboards to PDF", "businessImpact", "BLOCKS_RENEWAL"));
        assertThat(request).hasPassed("Start_FeatureRequested", "Task_LogFeatureRequest", "End_FeatureRequestLogged")
                .isEnded();
        then(calls).containsExactly("log:ACC-1:Export dashboards to PDF");
    }

    @Test
    void aRefusedRequestLeavesNoProcessBehind() {
        Mocks.register("logRequestedFeature", (JavaDelegate) e -> {
            throw new AuthorizationException("Only the account's manager logs feature requests for Harbor Health");
        });
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("feature-request-intake",
                Map.of("accountId", "ACC-2"))).hasMessageContaining("Only the account's manager");
        then(runtimeService().createProcessInstanceQuery().count()).isZero();
    }
}
