package dev.accountflow.opportunity;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every path of processes/opportunity.bpmn on an in-memory engine. The delegates are stand-ins that record
 * what they were asked and play the gate outcomes a test scripts; the real gate rules, mail and database run in
 * OpportunityIT.
 */
@Deployment(resources = {
        "processes/opportunity.bpmn",
        "processes/forms/opportunity-stage.form",
        "processes/forms/opportunity-solution-engineering.form",
        "processes/forms/opportunity-services.form"})
class OpportunityProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-inmemory.cfg.xml").build();

    private static final List<Stage> STAGES = List.of(Stage.QUALIFY, Stage.DISCOVER, Stage.SOLUTION_DEVELOPMENT,
            Stage.PROPOSAL, Stage.NEGOTIATION, Stage.CLOSED_WON);

    private final List<String> calls = new ArrayList<>();
    // what the next gate checks answer: true passes, false blocks
    private final Deque<Boolean> gateAnswers = new ArrayDeque<>();
    private Stage stage = Stage.QUALIFY;
    private ProcessInstance deal;

    private void start() {
        Mocks.register("checkStageGate", (JavaDelegate) execution -> {
            boolean passes = gateAnswers.isEmpty() || gateAnswers.pop();
            calls.add("gate:" + stage + (passes ? ":passed" : ":blocked"));
            if (passes) {
                stage = STAGES.get(STAGES.indexOf(stage) + 1);
            }
            execution.setVariable("gatePassed", passes);
            execution.setVariable("won", stage == Stage.CLOSED_WON);
            execution.setVariable("stageLabel", stage.label());
            execution.setVariable("gateReasons", passes ? "" : "Blocked: Solution engineering has not contributed yet.");
        });
        Mocks.register("recordLoss", (JavaDelegate) e -> calls.add("lost:" + e.getVariable("lossReason")));
        Mocks.register("recordAssistance", (JavaDelegate) e -> calls.add(e.getCurrentActivityId() + ":"
                + e.getVariable("assistNotes")));
        Mocks.register("emailPartner", (JavaDelegate) e -> calls.add("partner:" + e.getVariable("helpRequest")));
        deal = runtimeService().startProcessInstanceByKey("opportunity", "OPP-1", Map.of("accountId", "ACC-1",
                "opportunityName", "Harbor Health — Analytics expansion", "amountText", "$120,000",
                "stageLabel", Stage.QUALIFY.label()));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private void advance() {
        complete(task("Task_WorkStage", deal), withVariables("nextStep", "ADVANCE"));
    }

    @Test
    void everyStagePassedEndsWonAfterNegotiation() {
        start();
        then(task("Task_WorkStage", deal).getName()).isEqualTo("Work the Qualify stage");
        for (Stage next : List.of(Stage.DISCOVER, Stage.SOLUTION_DEVELOPMENT, Stage.PROPOSAL, Stage.NEGOTIATION)) {
            advance();
            assertThat(deal).isWaitingAt("Task_WorkStage");
            then(task("Task_WorkStage", deal).getName()).isEqualTo("Work the " + next.label() + " stage");
        }
        advance();

        assertThat(deal).isEnded().hasPassed("End_Won");
        then(calls).containsExactly("gate:QUALIFY:passed", "gate:DISCOVER:passed",
                "gate:SOLUTION_DEVELOPMENT:passed", "gate:PROPOSAL:passed", "gate:NEGOTIATION:passed");
    }

    @Test
    void aBlockedMoveKeepsTheStageAndShowsTheReasonThenPassesLater() {
        start();
        gateAnswers.addAll(List.of(true, true, false, true));
        advance();
        advance();
        advance();

        assertThat(deal).isWaitingAt("Task_WorkStage").variables()
                .containsEntry("gateReasons", "Blocked: Solution engineering has not contributed yet.");
        then(task("Task_WorkStage", deal).getName()).isEqualTo("Work the Solution development stage");

        advance();
        then(task("Task_WorkStage", deal).getName()).isEqualTo("Work the Proposal stage");
        then(calls).containsExactly("gate:QUALIFY:passed", "gate:DISCOVER:passed",
                "gate:SOLUTION_DEVELOPMENT:blocked", "gate:SOLUTION_DEVELOPMENT:passed");
    }

    @Test
    void solutionEngineeringIsAskedAnswersAndTheDealReturnsToItsStage() {
        start();
        complete(task("Task_WorkStage", deal), withVariables("nextStep", "ASK_SOLUTION_ENGINEERING",
                "helpRequest", "Demo of the analytics module"));

        assertThat(deal).isWaitingAt("Task_SolutionEngineeringAssist");
        complete(task("Task_SolutionEngineeringAssist", deal), withVariables("assistNotes", "Demo given",
                "attachmentLink", "https://docs.example/demo"));

        assertThat(deal).isWaitingAt("Task_WorkStage").hasPassed("Task_RecordSolutionEngineering");
        then(calls).containsExactly("Task_RecordSolutionEngineering:Demo given");
    }

    @Test
    void servicesEstimateComesBackOntoTheDeal() {
        start();
        complete(task("Task_WorkStage", deal), withVariables("nextStep", "ASK_SERVICES",
                "helpRequest", "Implementation estimate for 3 sites"));

        assertThat(deal).isWaitingAt("Task_ServicesEstimate");
        complete(task("Task_ServicesEstimate", deal), withVariables("assistNotes", "Three sites, 6 weeks",
                "servicesEstimate", "45,000"));

        assertThat(deal).isWaitingAt("Task_WorkStage").hasPassed("Task_RecordServicesEstimate");
        then(calls).containsExactly("Task_RecordServicesEstimate:Three sites, 6 weeks");
    }

    @Test
    void askingThePartnerMailsThemAndKeepsTheStage() {
        start();
        complete(task("Task_WorkStage", deal), withVariables("nextStep", "ASK_PARTNER",
                "helpRequest", "Can you co-sell in Boston?"));

        assertThat(deal).isWaitingAt("Task_WorkStage").hasPassed("Task_EmailPartner");
        then(calls).containsExactly("partner:Can you co-sell in Boston?");
        then(task("Task_WorkStage", deal).getName()).isEqualTo("Work the Qualify stage");
    }

    @Test
    void closingLostRecordsTheReasonAndEnds() {
        start();
        advance();
        complete(task("Task_WorkStage", deal), withVariables("nextStep", "LOST",
                "lossReason", "Budget moved to next year"));

        assertThat(deal).isEnded().hasPassed("End_Lost");
        then(calls).containsExactly("gate:QUALIFY:passed", "lost:Budget moved to next year");
    }
}
