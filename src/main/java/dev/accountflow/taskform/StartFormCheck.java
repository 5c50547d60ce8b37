package dev.accountflow.taskform;

import java.util.Map;

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
}
