package dev.accountflow.rules;

import java.util.List;

/** A run of a rule set that kept firing past its limit: some rule re-triggers itself (a loop in the rule code). */
public class RuleLoopException extends IllegalStateException {

    public RuleLoopException(String ruleSet, int version, int limit, List<String> lastFired) {
        super("Version " + version + " of rule set '" + ruleSet + "' fired " + String.format("%,d", limit)
                + " times in one decision and was stopped: a rule keeps re-triggering itself (last fired: "
                + String.join(", ", lastFired) + ")");
    }
}
