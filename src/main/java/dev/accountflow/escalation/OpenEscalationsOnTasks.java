package dev.accountflow.escalation;

import dev.accountflow.account.AccountService;
import dev.accountflow.taskform.OnEveryUserTaskCreated;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Each renewal task, as it is created, carries the account's open customer escalations, and each deal task those
 * linked to the deal (summary, where each stands, a link), so the account manager sees them where she works; the
 * renewal and opportunity processes themselves stay unaware.
 */
@Component
class OpenEscalationsOnTasks extends OnEveryUserTaskCreated {

    private final ObjectProvider<Escalations> escalations;
    private final ObjectProvider<AccountService> accounts;

    OpenEscalationsOnTasks(ObjectProvider<Escalations> escalations, ObjectProvider<AccountService> accounts) {
        this.escalations = escalations;
        this.accounts = accounts;
    }

    @Override
    protected void created(DelegateTask task) {
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
