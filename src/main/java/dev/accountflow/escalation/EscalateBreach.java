package dev.accountflow.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EscalateUnacknowledged and Task_EscalateUnresolved: the SLA is breached; the division's manager is told. */
@Component
class EscalateBreach implements JavaDelegate {

    private final Escalations escalations;

    EscalateBreach(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.breach(execution.getProcessBusinessKey(), String.valueOf(execution.getVariableLocal("slaStage")));
    }
}
