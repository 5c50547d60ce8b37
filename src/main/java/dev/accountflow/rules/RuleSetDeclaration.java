package dev.accountflow.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule set its capability declares in one place, as a bean of its own package: the table (columns and the
 * template in rules/), the facts it reads, the decision it fills in, what scenarios check and how a new version
 * would change the live book. The rule book seeds it and the rule pages, scenarios and simulation serve it
 * without knowing the capability.
 */
public interface RuleSetDeclaration {

    /** The table: its columns, and through its name rules/&lt;name&gt;.drt, .csv and .scenarios.json. */
    RuleTemplate table();

    default String ruleSetName() {
        return table().ruleSet();
    }

    /** One line for the rule set list: what the rules decide. */
    String description();

    /** The type a scenario's facts are read into. */
    Class<?> factsType();

    /** What a scenario's expectation may name. */
    Set<String> expectedKeys();

    /** A fresh decision object for these facts. */
    Object newDecision(Object facts);

    /** The decision as a scenario compares it. */
    Map<String, Object> summarize(Object decision);

    /** An example of facts, for the scenario editor. */
    Map<String, Object> factsTemplate();

    /** An example of an expectation, for the scenario editor. */
    Map<String, Object> expectedTemplate();

    /** Runs one version of the rule set over the facts and summarises what it decided. */
    default Map<String, Object> decide(CompiledRuleSet rules, Object facts) {
        Object decision = newDecision(facts);
        rules.execute(List.of(facts, decision));
        return summarize(decision);
    }

    /**
     * What publishing {@code candidate} instead of {@code active} would change on the live book, one line each;
     * read-only. Returns the number of subjects evaluated and the lines.
     */
    default Simulated simulate(CompiledRuleSet active, CompiledRuleSet candidate) {
        return new Simulated(0, List.of());
    }

    /** A simulation's answer: how many subjects (accounts) were evaluated, and the impact lines. */
    record Simulated(int evaluated, List<String> impact) {
    }
}
