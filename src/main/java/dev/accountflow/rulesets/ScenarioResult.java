package dev.accountflow.rulesets;

import java.util.Map;

/** One scenario run against one version: what was expected, what the rules decided, and why it failed if it did. */
public record ScenarioResult(String scenario, boolean passed, Map<String, Object> expected, Map<String, Object> actual,
                             String message) {
}
