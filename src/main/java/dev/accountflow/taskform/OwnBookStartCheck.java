package dev.accountflow.taskform;

import dev.accountflow.account.AccountService;
import java.util.List;
import java.util.Map;

/**
 * A start form about one of the signed-in person's accounts: its process key, and an "accountId" select listing her
 * own book by name. The capability says only how its fields are checked.
 */
public abstract class OwnBookStartCheck implements StartFormCheck {

    private final String processKey;
    protected final AccountService accounts;

    protected OwnBookStartCheck(String processKey, AccountService accounts) {
        this.processKey = processKey;
        this.accounts = accounts;
    }

    @Override
    public final String processKey() {
        return processKey;
    }

    @Override
    public final Map<String, List<Choice>> choices() {
        return StartFormCheck.ownAccounts(accounts);
    }
}
