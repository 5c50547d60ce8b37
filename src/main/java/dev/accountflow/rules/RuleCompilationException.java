package dev.accountflow.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that does not compile; it never goes live. */
public class RuleCompilationException extends RuntimeException {

    private final transient List<RuleProblem> problems;

    public RuleCompilationException(String ruleSet, int version, List<RuleProblem> problems) {
        super("Rule set '" + ruleSet + "' version " + version + " does not compile; fix "
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> getProblems() {
        return problems;
    }
}
