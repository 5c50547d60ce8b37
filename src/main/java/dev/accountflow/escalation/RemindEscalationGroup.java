package dev.accountflow.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindToAcknowledge and Task_RemindToResolve: half the SLA window is gone, so the routed group is reminded. */
@Component
class RemindEscalationGroup implements JavaDelegate {

    private final Escalations escalations;

    RemindEscalationGroup(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.remind(execution.getProcessBusinessKey(), String.valueOf(execution.getVariableLocal("slaStage")));
    }
}
