package dev.accountflow.health;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Both paths of processes/at-risk-playbook.bpmn on an in-memory engine. */
@Deployment(resources = {
        "processes/at-risk-playbook.bpmn",
        "processes/forms/at-risk-root-cause.form",
        "processes/forms/at-risk-executive-outreach.form",
        "processes/forms/at-risk-recovery-plan.form"})
class AtRiskPlaybookProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-inmemory.cfg.xml").build();

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("at-risk-playbook", "ACC-9", Map.of("accountId", "ACC-9",
                "accountName", "Keystone Mutual", "atRiskReasons", "Active users down 35%"));
    }

    @Test
    void theTeamWorksRootCauseOutreachAndPlanThenThePlaybookWaitsForTheLastHighFlagToResolve() {
        ProcessInstance playbook = start();

        assertThat(playbook).isWaitingAt("Task_FindRootCause");
        complete(task(playbook), withVariables("rootCause", "Their new CIO moved claims to a rival"));
        assertThat(playbook).isWaitingAt("Task_ExecutiveOutreach");
        complete(task(playbook), withVariables("executiveOutreach", "Met the CIO; wants a roadmap review"));
        assertThat(playbook).isWaitingAt("Task_AgreeRecoveryPlan");
        complete(task(playbook), withVariables("recoveryPlan", "Roadmap review in two weeks"));
        assertThat(playbook).isWaitingAt("Wait_ForRecovery");

        runtimeService().createMessageCorrelation("AtRiskAccountRecovered").processInstanceBusinessKey("ACC-9")
                .correlateAll();
        assertThat(playbook).isEnded().hasPassed("End_Recovered");
    }

    @Test
    void anAccountThatRecoversMidPlaybookEndsItWithItsOpenTask() {
        ProcessInstance playbook = start();
        complete(task(playbook), withVariables("rootCause", "Outage in March"));
        assertThat(playbook).isWaitingAt("Task_ExecutiveOutreach");

        runtimeService().createMessageCorrelation("AtRiskAccountRecovered").processInstanceBusinessKey("ACC-9")
                .correlateAll();
        assertThat(playbook).isEnded().hasPassed("End_RecoveredEarly").hasNotPassed("Task_AgreeRecoveryPlan");
    }
}
