package dev.accountflow.taskform;

import dev.accountflow.web.ApiException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;

/**
 * What a capability checks before Tasklist's start form of its process may start it: the typed fields (text, as the
 * form sent them) against the database, throwing the API's error (400 naming the field, 403) so the person sees why
 * before anything runs. The process checks again inside its own transaction.
 */
public interface StartFormCheck {

    /** The process key whose start form this checks. */
    String processKey();

    /** Throws {@code ApiException} when the start must be refused; nothing is written either way. */
    void check(Map<String, Object> fields);

    /** One entry of a select on the start form: what the person reads, what the form sends. */
    record Choice(String label, String value) {
    }

    /**
     * The entries of the start form's selects that depend on who opens it (her own accounts, say), by field key; the
     * form as Tasklist loads it carries them. None by default: the form's own values stand.
     */
    default Map<String, List<Choice>> choices() {
        return Map.of();
    }

    /** A rep's book is far smaller; past this a select of accounts keeps the first by name and she types to find one. */
    int ACCOUNT_CHOICES = 1_000;

    /** The "accountId" select: the signed-in person's own accounts by name (those who see the whole book: its first). */
    static Map<String, List<Choice>> ownAccounts(dev.accountflow.account.AccountService accounts) {
        return Map.of("accountId", accounts.firstAccountsByName(ACCOUNT_CHOICES).stream()
                .map(row -> new Choice(row.name(), row.id())).toList());
    }

    /** The refusal of a start's delegate as the engine reports it: 403 for another's account, else 400. */
    static RuntimeException refusedStart(ApiException refused) {
        String message = refused.getMessage()
                + (refused.details().isEmpty() ? "" : ": " + String.join("; ", refused.details()));
        return refused.status() == HttpStatus.FORBIDDEN ? new AuthorizationException(message)
                : new BadUserRequestException(message);
    }
}
