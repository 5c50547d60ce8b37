package dev.accountflow.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.accountflow.rules.CompiledRuleSet;
import dev.accountflow.rules.RuleSetDeclaration;
import dev.accountflow.web.ApiException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Reads, checks and runs the scenario cases of a rule set. */
@Component
class Scenarios {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    // the widths of rule_scenario.facts and rule_scenario.expected
    private static final int MAX_FACTS = 8_000;
    private static final int MAX_EXPECTED = 4_000;

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** A checked scenario as it is stored: facts and expectations as JSON text that fit their columns. */
    record ScenarioCase(String facts, String expected) {
    }

    /**
     * Checks a new scenario's facts and expectations against what the rule set reads and decides, and that they fit
     * where they are kept; a scenario that passes here can always be run later.
     */
    ScenarioCase check(RuleSetDeclaration kind, JsonNode facts, JsonNode expected) {
        List<String> problems = new ArrayList<>();
        String factsText = null;
        if (facts == null || facts.isNull()) {
            problems.add("facts: is required; give the facts the rules read, e.g. " + kind.factsTemplate().keySet());
        } else if (!facts.isObject()) {
            problems.add("facts: must be an object of fact names and values, e.g. " + kind.factsTemplate().keySet());
        } else {
            try {
                json.treeToValue(facts, kind.factsType());
                facts.fields().forEachRemaining(fact -> {
                    // 1e400 reads as Infinity: stored, it would make every later run of the scenario meaningless
                    if (fact.getValue().isNumber() && !Double.isFinite(fact.getValue().doubleValue())) {
                        problems.add("facts." + fact.getKey() + ": " + fact.getValue().asText()
                                + " is not a number the rules can use");
                    }
                });
                factsText = fitting("facts", facts, MAX_FACTS, problems);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problems.add(describe(e));
            }
        }
        String expectedText = null;
        if (expected == null || expected.isNull() || (expected.isObject() && expected.isEmpty())) {
            problems.add("expected: say what the rules must decide, e.g. " + kind.expectedTemplate().keySet());
        } else if (!expected.isObject()) {
            problems.add("expected: must be an object of decisions and values, e.g. " + kind.expectedTemplate().keySet());
        } else {
            expected.fieldNames().forEachRemaining(k -> {
                if (!kind.expectedKeys().contains(k)) {
                    problems.add("expected." + k + ": not something the " + kind.ruleSetName()
                            + " rules decide (choose from " + kind.expectedKeys().stream().sorted().toList() + ")");
                }
            });
            expectedText = fitting("expected", expected, MAX_EXPECTED, problems);
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid scenario: " + String.join("; ", problems), problems);
        }
        return new ScenarioCase(factsText, expectedText);
    }

    List<ScenarioResult> run(RuleSetDeclaration kind, Collection<RuleScenario> scenarios, CompiledRuleSet rules) {
        return scenarios.stream().map(s -> run(kind, s, rules)).toList();
    }

    /** A stored scenario that cannot be read fails with a message saying so, and never stops the others from running. */
    private ScenarioResult run(RuleSetDeclaration kind, RuleScenario scenario, CompiledRuleSet rules) {
        Map<String, Object> expected = readOrNull(scenario.getExpected());
        Object facts = readFacts(kind, scenario.getFacts());
        if (expected == null || expected.isEmpty() || facts == null) {
            return new ScenarioResult(scenario.getName(), false, expected == null ? Map.of() : expected, Map.of(),
                    "This scenario's stored " + (facts == null ? "facts" : "expected decision")
                            + " cannot be read, so it cannot be run; delete it and add it again");
        }
        Map<String, Object> actual;
        try {
            actual = kind.decide(rules, facts);
        } catch (RuntimeException e) {
            return new ScenarioResult(scenario.getName(), false, expected, Map.of(),
                    "The rules could not run on this scenario: " + e.getMessage());
        }
        List<String> mismatches = expected.entrySet().stream()
                .filter(e -> !matches(e.getValue(), actual.get(e.getKey())))
                .map(e -> e.getKey() + ": expected " + e.getValue() + ", the rules decided " + actual.get(e.getKey()))
                .toList();
        return new ScenarioResult(scenario.getName(), mismatches.isEmpty(), expected, actual,
                mismatches.isEmpty() ? "passed" : String.join("; ", mismatches));
    }

    private Object readFacts(RuleSetDeclaration kind, String text) {
        try {
            return text == null ? null : json.readValue(text, kind.factsType());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String fitting(String field, JsonNode value, int limit, List<String> problems) {
        String text = value.toString();
        if (text.length() > limit) {
            problems.add(field + ": longer than " + String.format("%,d", limit) + " characters once stored ("
                    + String.format("%,d", text.length()) + ")");
            return null;
        }
        return text;
    }

    /** A stored JSON object, or null when it cannot be read as one (shown as such, never a failed page). */
    Map<String, Object> readOrNull(String text) {
        try {
            return text == null ? null : json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Numbers compare by value, lists regardless of order, everything else by its text. */
    private static boolean matches(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Number e && actual instanceof Number a) {
            return Double.compare(e.doubleValue(), a.doubleValue()) == 0;
        }
        if (expected instanceof Collection<?> e && actual instanceof Collection<?> a) {
            return sorted(e).equals(sorted(a));
        }
        return Objects.equals(String.valueOf(expected), String.valueOf(actual));
    }

    private static List<String> sorted(Collection<?> values) {
        return values.stream().map(String::valueOf).sorted().collect(Collectors.toList());
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof IllegalArgumentException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof InvalidFormatException ife) {
            return "facts." + path(ife) + ": '" + ife.getValue() + "' "
                    + dev.accountflow.web.ValueTypes.notA(ife.getTargetType());
        }
        if (cause instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            return "facts." + path(mie) + ": " + (mie.getMessage().contains("Unrecognized field")
                    ? "not a fact these rules read" : "wrong type of value");
        }
        return "facts: cannot be read as the facts these rules read";
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
