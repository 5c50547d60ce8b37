package dev.accountflow.rulesets;

import dev.accountflow.security.CurrentUser;
import java.util.List;

/**
 * Who may author rules: check, test, simulate, save, publish and restore them, and keep their scenarios. Rule text is
 * code that runs inside the app, so this is a short list; everyone signed in may still read every version.
 */
final class RuleAuthors {

    static final String RULE_DEVELOPERS = "rule-developers";

    /** For {@code @PreAuthorize}; built from the same groups as {@link #include}. */
    static final String ONLY = "hasAnyRole('" + CurrentUser.SALES_MANAGERS + "', '" + RULE_DEVELOPERS + "', '"
            + CurrentUser.ADMINS + "')";

    private static final List<String> GROUPS = List.of(CurrentUser.SALES_MANAGERS, RULE_DEVELOPERS, CurrentUser.ADMINS);

    private RuleAuthors() {
    }

    /**
     * Who may write rule code (raw DRL) for a rule set kept as a table: its rows are what sales managers edit, and
     * code saved here can do anything the app can once published.
     */
    static boolean writeCode(CurrentUser user) {
        return user.isIn(RULE_DEVELOPERS) || user.isIn(CurrentUser.ADMINS);
    }

    /** The same check as {@link #ONLY}, for pages that decide which controls to show. */
    static boolean include(CurrentUser user) {
        return GROUPS.stream().anyMatch(user::isIn);
    }
}
