package dev.accountflow.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RouteEscalation: the escalation-routing table picks the group and the SLA; the timers wait for its deadlines. */
@Component
class RouteEscalation implements JavaDelegate {

    private final Escalations escalations;

    RouteEscalation(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(escalations.route(execution.getProcessBusinessKey()).variables());
    }
}
