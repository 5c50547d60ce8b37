package dev.accountflow.renewal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** As Task_ApproveDiscount completes, the manager's answer, name and comment are written to the quote. */
@Component
class RecordApprovalAnswer implements TaskListener {

    private final RenewalService renewals;

    RecordApprovalAnswer(RenewalService renewals) {
        this.renewals = renewals;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean approved = Boolean.parseBoolean(String.valueOf(task.getVariable("discountApproved")));
        Authentication signedIn = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String manager = signedIn != null && signedIn.getUserId() != null ? signedIn.getUserId() : task.getAssignee();
        renewals.answerQuote(task.getProcessInstanceId(), approved, manager,
                ProcessVariables.text(task, "approvalComment"));
        task.getExecution().setVariable("discountApproved", approved);
    }
}
