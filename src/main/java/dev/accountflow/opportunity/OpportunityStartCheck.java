package dev.accountflow.opportunity;

import dev.accountflow.account.AccountService;
import dev.accountflow.taskform.OwnBookStartCheck;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Before Tasklist starts "Open an expansion or new-business opportunity", its fields are checked as the API checks
 * them, so a refusal is a 400 naming the field (or a 403 for another rep's account), not an engine error.
 */
@Component
class OpportunityStartCheck extends OwnBookStartCheck {

    static final String PROCESS = "opportunity-request";

    private final OpportunityService opportunities;

    OpportunityStartCheck(OpportunityService opportunities, AccountService accounts) {
        super(PROCESS, accounts);
        this.opportunities = opportunities;
    }

    @Override
    public void check(Map<String, Object> fields) {
        Map<String, Object> named = new HashMap<>(fields);
        if (fields.get("accountId") instanceof String typed) {  // her account's name or its id
            named.put("accountId", accounts.accountIdFor("accountId", typed));
        }
        opportunities.checked(OpportunityForm.read(named));
    }
}
