package dev.accountflow.rules;

import java.util.List;

/** Rule text too long or too deeply nested to hand to the rule compiler; refused before Drools parses it. */
public class RuleTextOutOfBounds extends RuleCompilationException {

    private final String detail;

    RuleTextOutOfBounds(String ruleSet, int version, RuleProblem problem, String detail) {
        super(ruleSet, version, List.of(problem));
        this.detail = detail;
    }

    /** What is out of bounds and where, e.g. "line 12: nesting deeper than 64". */
    public String getDetail() {
        return detail;
    }
}
