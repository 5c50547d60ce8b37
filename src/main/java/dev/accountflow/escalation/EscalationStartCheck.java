package dev.accountflow.escalation;

import dev.accountflow.account.AccountService;
import dev.accountflow.taskform.OwnBookStartCheck;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tasklist's "Raise a customer escalation": its fields are checked as the API checks them before the engine runs
 * (400 naming the field, 403 for another rep's account), and its account select lists the signed-in person's own
 * book by name.
 */
@Component
class EscalationStartCheck extends OwnBookStartCheck {

    static final String PROCESS = "customer-escalation-intake";

    private final Escalations escalations;

    EscalationStartCheck(Escalations escalations, AccountService accounts) {
        super(PROCESS, accounts);
        this.escalations = escalations;
    }

    @Override
    public void check(Map<String, Object> fields) {
        escalations.checked(EscalationForm.read(fields));
    }
}
