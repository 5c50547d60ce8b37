package dev.accountflow.escalation;

import dev.accountflow.account.AccountService;
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
 * Each renewal task, as it is created, carries the account's open customer escalations, and each deal task those
 * linked to the deal (summary, where each stands, a link), so the account manager sees them where she works; the
 * renewal and opportunity processes themselves stay unaware.
 */
@Component
class OpenEscalationsOnTasks extends AbstractProcessEnginePlugin {

    private final ObjectProvider<Escalations> escalations;
    private final ObjectProvider<AccountService> accounts;

    OpenEscalationsOnTasks(ObjectProvider<Escalations> escalations, ObjectProvider<AccountService> accounts) {
        this.escalations = escalations;
        this.accounts = accounts;
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
        String definition = task.getProcessDefinitionId();
        boolean renewal = definition.startsWith(Escalations.RENEWAL_PROCESS + ":");
        if (!renewal && !definition.startsWith(Escalations.OPPORTUNITY_PROCESS + ":") || task.getExecution() == null) {
            return;
        }
        // the business key is the subscription or the deal: what it belongs to comes from the database
        String key = task.getExecution().getProcessBusinessKey();
        if (key == null) {
            return;
        }
        String open = renewal ? accounts.getObject().subscriptionAccountId(key)
                .map(accountId -> escalations.getObject().openOnAccount(accountId)).orElse(null)
                : escalations.getObject().openOnDeal(key);
        if (open != null || task.hasVariable(Escalations.ON_TASKS)) {
            task.getExecution().getProcessInstance().setVariable(Escalations.ON_TASKS, open);
        }
    }
}
