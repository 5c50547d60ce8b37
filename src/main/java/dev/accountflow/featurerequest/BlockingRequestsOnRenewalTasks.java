package dev.accountflow.featurerequest;

import dev.accountflow.taskform.OnEveryUserTaskCreated;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Each renewal task, as it is created, carries the account's feature requests that block the renewal (title, where
 * each stands, a link), so the account manager sees them where she works; the renewal process itself stays unaware.
 */
@Component
class BlockingRequestsOnRenewalTasks extends OnEveryUserTaskCreated {

    private final ObjectProvider<FeatureRequests> requests;

    BlockingRequestsOnRenewalTasks(ObjectProvider<FeatureRequests> requests) {
        this.requests = requests;
    }

    @Override
    protected void created(DelegateTask task) {
        if (!task.getProcessDefinitionId().startsWith(FeatureRequests.RENEWAL_PROCESS + ":")) {
            return;
        }
        // the renewal's business key is its subscription: the account comes from the database, not a variable
        String blocking = requests.getObject().blockingRenewalOfSubscription(
                task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey());
        if (blocking != null || task.hasVariable(FeatureRequests.BLOCKING_RENEWAL)) {
            task.getExecution().getProcessInstance().setVariable(FeatureRequests.BLOCKING_RENEWAL, blocking);
        }
    }
}
