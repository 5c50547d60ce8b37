package dev.accountflow.opportunity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckStageGate: the stage-gate rules decide whether the deal leaves its stage; a refusal keeps it there. */
@Component
class CheckStageGate implements JavaDelegate {

    private final OpportunityService opportunities;

    CheckStageGate(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OpportunityService.GateCheck check = opportunities.leaveStage(execution.getProcessBusinessKey(),
                Boolean.TRUE.equals(execution.getVariable("complianceReviewed")));
        execution.setVariable("gatePassed", check.passed());
        execution.setVariable("won", check.stage() == Stage.CLOSED_WON);
        execution.setVariable("stageLabel", check.stage().label());
        execution.setVariable("gateReasons", check.passed() ? "" : "Blocked: " + String.join(" ", check.reasons()));
    }
}
