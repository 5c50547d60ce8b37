package dev.accountflow.featurerequest;

import dev.accountflow.account.AccountService;
import dev.accountflow.taskform.OwnBookStartCheck;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tasklist's "Log a customer's feature request": its fields are checked as the API checks them before the engine
 * runs (400 naming the field, 403 for another rep's account), and its account select lists the signed-in person's
 * own book by name, read page by page.
 */
@Component
class FeatureRequestStartCheck extends OwnBookStartCheck {

    static final String PROCESS = "feature-request-intake";

    private final FeatureRequests requests;

    FeatureRequestStartCheck(FeatureRequests requests, AccountService accounts) {
        super(PROCESS, accounts);
        this.requests = requests;
    }

    @Override
    public void check(Map<String, Object> fields) {
        requests.checked(FeatureRequestForm.read(fields));
    }
}
