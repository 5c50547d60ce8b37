package dev.accountflow.escalation;

import dev.accountflow.account.AccountService;
import dev.accountflow.taskform.StartFormCheck;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tasklist's "Raise a customer escalation": its fields are checked as the API checks them before the engine runs
 * (400 naming the field, 403 for another rep's account), and its account select lists the signed-in person's own
 * book by name.
 */
@Component
class EscalationStartCheck implements StartFormCheck {

    static final String PROCESS = "customer-escalation-intake";

    private final Escalations escalations;
    private final AccountService accounts;

    EscalationStartCheck(Escalations escalations, AccountService accounts) {
        this.escalations = escalations;
        this.accounts = accounts;
    }

    @Override
    public String processKey() {
        return PROCESS;
    }

    @Override
    public void check(Map<String, Object> fields) {
        escalations.checked(EscalationForm.read(fields));
    }

    @Override
    public Map<String, List<Choice>> choices() {
        return StartFormCheck.ownAccounts(accounts);
    }
}
