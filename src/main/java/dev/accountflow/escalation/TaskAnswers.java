package dev.accountflow.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What a person wrote on an escalation task: trimmed text, who completed it. */
final class TaskAnswers {

    static final int TEXT_LENGTH = 10_000;

    private TaskAnswers() {
    }

    static String text(DelegateTask task, String field) {
        Object value = task.getVariable(field);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        if (text.length() > TEXT_LENGTH) {
            throw new FormFieldValidationException(field, field + ": at most 10,000 characters");
        }
        return text;
    }

    static boolean yes(DelegateTask task, String field) {
        Object value = task.getVariable(field);
        return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
    }

    static String who(DelegateTask task) {
        Authentication signedIn = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return signedIn != null && signedIn.getUserId() != null ? signedIn.getUserId() : task.getAssignee();
    }
}
