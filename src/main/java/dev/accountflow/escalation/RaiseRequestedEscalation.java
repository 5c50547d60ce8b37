package dev.accountflow.escalation;

import dev.accountflow.taskform.StartFormCheck;
import dev.accountflow.web.ApiException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RaiseEscalation of Tasklist's start form: the form's fields are an escalation from the signed-in account
 * manager, raised through the same service as the API and the account page; a refusal fails the start (400 or 403
 * naming the field), so nothing is stored and no process stays behind.
 */
@Component
class RaiseRequestedEscalation implements JavaDelegate {

    private final Escalations escalations;

    RaiseRequestedEscalation(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> fields = new HashMap<>();
        EscalationForm.FIELDS.forEach(field -> fields.put(field, execution.getVariable(field)));
        try {
            execution.setVariable("escalationId", escalations.raise(EscalationForm.read(fields)).getId());
        } catch (ApiException e) {
            throw StartFormCheck.refusedStart(e);
        }
    }
}
