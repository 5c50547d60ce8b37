package dev.accountflow.featurerequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindProductGroup: the review passed its SLA, so the routed product managers are reminded. */
@Component
class RemindProductGroup implements JavaDelegate {

    private final FeatureRequests requests;

    RemindProductGroup(FeatureRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.remindGroup(execution.getProcessBusinessKey());
    }
}
