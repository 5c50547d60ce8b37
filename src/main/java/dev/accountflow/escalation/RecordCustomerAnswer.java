package dev.accountflow.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * As Task_ConfirmWithCustomer completes: the customer confirmed (closed), or the AM reopens it with what the customer
 * still sees; the division then works it again under a fresh SLA, whose deadlines the timers wait for.
 */
@Component
class RecordCustomerAnswer implements TaskListener {

    private final Escalations escalations;

    RecordCustomerAnswer(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void notify(DelegateTask task) {
        String escalationId = task.getExecution().getProcessBusinessKey();
        boolean confirmed = TaskAnswers.yes(task, "customerConfirmed");
        if (confirmed) {
            escalations.close(escalationId, TaskAnswers.who(task));
        } else {
            String reason = TaskAnswers.text(task, "reopenReason");
            if (reason == null) {
                throw new FormFieldValidationException("reopenReason",
                        "reopenReason: tick that the customer confirms, or say what the customer still sees");
            }
            task.getExecution().setVariables(escalations.reopen(escalationId, TaskAnswers.who(task), reason).variables());
            // the next round starts from a clean form
            task.getExecution().setVariable("resolved", false);
            task.getExecution().removeVariable("reopenReason");
        }
        task.getExecution().setVariable("customerConfirmed", confirmed);
    }
}
