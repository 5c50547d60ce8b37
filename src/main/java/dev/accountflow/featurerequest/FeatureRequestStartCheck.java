package dev.accountflow.featurerequest;

import dev.accountflow.account.AccountService;
import dev.accountflow.taskform.StartFormCheck;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tasklist's "Log a customer's feature request": its fields are checked as the API checks them before the engine
 * runs (400 naming the field, 403 for another rep's account), and its account select lists the signed-in person's
 * own book by name, read page by page.
 */
@Component
class FeatureRequestStartCheck implements StartFormCheck {

    static final String PROCESS = "feature-request-intake";

    private final FeatureRequests requests;
    private final AccountService accounts;

    FeatureRequestStartCheck(FeatureRequests requests, AccountService accounts) {
        this.requests = requests;
        this.accounts = accounts;
    }

    @Override
    public String processKey() {
        return PROCESS;
    }

    @Override
    public void check(Map<String, Object> fields) {
        requests.checked(FeatureRequestForm.read(fields));
    }

    @Override
    public Map<String, List<Choice>> choices() {
        return StartFormCheck.ownAccounts(accounts);
    }
}
