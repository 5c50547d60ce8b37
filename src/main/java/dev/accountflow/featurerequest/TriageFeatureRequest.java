package dev.accountflow.featurerequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_TriageFeatureRequest: the feature-routing table picks the product managers, priority and SLA. */
@Component
class TriageFeatureRequest implements JavaDelegate {

    private final FeatureRequests requests;

    TriageFeatureRequest(FeatureRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FeatureRequests.Routed routed = requests.triage(execution.getProcessBusinessKey());
        execution.setVariable("pmGroup", routed.pmGroup());
        execution.setVariable("priority", routed.priority());
        execution.setVariable("slaBusinessDays", routed.slaBusinessDays());
        // timers fire at the start of the business day the answer is due, then two business days later
        execution.setVariable("answerBy", routed.answerBy().atStartOfDay().toString());
        execution.setVariable("escalateOn", routed.escalateOn().atStartOfDay().toString());
        execution.setVariable("routingDecisionId", routed.decisionId());
        execution.setVariable("similarOpen", requests.similarOpenText(execution.getProcessBusinessKey()));
    }
}
