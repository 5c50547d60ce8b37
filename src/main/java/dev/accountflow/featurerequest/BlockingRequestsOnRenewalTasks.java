package dev.accountflow.featurerequest;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Each renewal task, as it is created, carries the account's feature requests that block the renewal (title, where
 * each stands, a link), so the account manager sees them where she works; the renewal process itself stays unaware.
 */
@Component
class BlockingRequestsOnRenewalTasks extends AbstractProcessEnginePlugin {

    private final ObjectProvider<FeatureRequests> requests;

    BlockingRequestsOnRenewalTasks(ObjectProvider<FeatureRequests> requests) {
        this.requests = requests;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        // looked up per task: the service needs beans that exist only after the engine is built
        TaskListener listener = this::show;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
            }
        });
    }

    private void show(DelegateTask task) {
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
