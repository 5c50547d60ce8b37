package dev.accountflow.featurerequest;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** As Task_ReleaseCustomerAnswer completes: only an AM's explicit release sends product management's answer out. */
@Component
class ReleaseCustomerAnswer implements TaskListener {

    private final FeatureRequests requests;

    ReleaseCustomerAnswer(FeatureRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        if (Boolean.TRUE.equals(task.getVariable("releaseToCustomer"))) {
            requests.releaseToCustomers(task.getExecution().getProcessBusinessKey());
        }
    }
}
