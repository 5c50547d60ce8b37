package dev.accountflow.rules;

import java.util.List;

/** Which rules of which rule set version fired for one decision, in firing order. */
public record RuleRun(String ruleSet, int version, List<String> rulesFired) {

    public RuleRun {
        rulesFired = List.copyOf(rulesFired);
    }
}
