package dev.accountflow.featurerequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_TellShipped: every requesting account's manager and contact hear that the feature shipped. */
@Component
class TellFeatureShipped implements JavaDelegate {

    private final FeatureRequests requests;

    TellFeatureShipped(FeatureRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.tellShipped(execution.getProcessBusinessKey());
    }
}
