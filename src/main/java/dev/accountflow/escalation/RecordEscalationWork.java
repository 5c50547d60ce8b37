package dev.accountflow.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * As Task_WorkEscalation completes: resolved with a summary of the resolution, or a note for the account manager and
 * the work goes on. Either way the AM is told; the escalation is the process's business key, not a variable.
 */
@Component
class RecordEscalationWork implements TaskListener {

    private final Escalations escalations;

    RecordEscalationWork(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void notify(DelegateTask task) {
        String escalationId = task.getExecution().getProcessBusinessKey();
        String note = TaskAnswers.text(task, "workNote");
        boolean resolved = TaskAnswers.yes(task, "resolved");
        if (resolved) {
            String resolution = TaskAnswers.text(task, "resolution");
            if (resolution == null) {
                throw new FormFieldValidationException("resolution", "resolution: say how it was resolved");
            }
            if (note != null) {
                escalations.addNote(escalationId, TaskAnswers.who(task), note);
            }
            escalations.resolve(escalationId, TaskAnswers.who(task), resolution);
        } else {
            if (note == null) {
                throw new FormFieldValidationException("workNote", "workNote: write a note, or tick resolved and say how");
            }
            escalations.addNote(escalationId, TaskAnswers.who(task), note);
        }
        task.getExecution().setVariable("resolved", resolved);
        // a note is for this round only: the next work task starts empty
        task.getExecution().removeVariable("workNote");
    }
}
