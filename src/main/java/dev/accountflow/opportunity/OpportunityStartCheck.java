package dev.accountflow.opportunity;

import dev.accountflow.account.AccountService;
import dev.accountflow.taskform.StartFormCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Before Tasklist starts "Open an expansion or new-business opportunity", its fields are checked as the API checks
 * them, so a refusal is a 400 naming the field (or a 403 for another rep's account), not an engine error.
 */
@Component
class OpportunityStartCheck implements StartFormCheck {

    static final String PROCESS = "opportunity-request";

    private final OpportunityService opportunities;
    private final AccountService accounts;

    OpportunityStartCheck(OpportunityService opportunities, AccountService accounts) {
        this.opportunities = opportunities;
        this.accounts = accounts;
    }

    @Override
    public String processKey() {
        return PROCESS;
    }

    @Override
    public void check(Map<String, Object> fields) {
        Map<String, Object> named = new HashMap<>(fields);
        if (fields.get("accountId") instanceof String typed) {  // her account's name or its id
            named.put("accountId", accounts.accountIdFor("accountId", typed));
        }
        opportunities.checked(OpportunityForm.read(named));
    }

    /** Her own accounts by name for the form's account select (the first 1,000; a rep's book is far smaller). */
    @Override
    public Map<String, List<Choice>> choices() {
        return StartFormCheck.ownAccounts(accounts);
    }
}
