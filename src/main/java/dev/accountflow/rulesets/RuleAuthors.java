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

    /** The same check as {@link #ONLY}, for pages that decide which controls to show. */
    static boolean include(CurrentUser user) {
        return GROUPS.stream().anyMatch(user::isIn);
    }
}
