package dev.accountflow.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.accountflow.rules.CompiledRuleSet;
import dev.accountflow.web.ApiException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads, checks and runs the scenario cases of a rule set. */
@Component
class Scenarios {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Checks a new scenario's facts and expectations against what the rule set reads and decides. */
    void check(RuleSetKind kind, Map<String, Object> facts, Map<String, Object> expected) {
        List<String> problems = new ArrayList<>();
        try {
            json.convertValue(facts, kind.factsType());
        } catch (IllegalArgumentException e) {
            problems.add(describe(e));
        }
        if (expected == null || expected.isEmpty()) {
            problems.add("expected: say what the rules must decide, e.g. " + kind.expectedTemplate().keySet());
        } else {
            expected.keySet().stream().filter(k -> !kind.expectedKeys().contains(k)).sorted().forEach(k ->
                    problems.add("expected." + k + ": not something the " + kind.ruleSetName()
                            + " rules decide (choose from " + kind.expectedKeys().stream().sorted().toList() + ")"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "Invalid scenario: " + String.join("; ", problems), problems);
        }
    }

    List<ScenarioResult> run(RuleSetKind kind, Collection<RuleScenario> scenarios, CompiledRuleSet rules) {
        return scenarios.stream().map(s -> run(kind, s, rules)).toList();
    }

    private ScenarioResult run(RuleSetKind kind, RuleScenario scenario, CompiledRuleSet rules) {
        Map<String, Object> expected = read(scenario.getExpected());
        Map<String, Object> actual;
        try {
            Object facts = json.readValue(scenario.getFacts(), kind.factsType());
            actual = kind.decide(rules, facts);
        } catch (JsonProcessingException | RuntimeException e) {
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

    String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Map<String, Object> read(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored scenario is not JSON: " + e.getOriginalMessage(), e);
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

    private static String describe(IllegalArgumentException e) {
        if (e.getCause() instanceof InvalidFormatException ife) {
            return "facts." + path(ife) + ": '" + ife.getValue() + "' is not a valid "
                    + ife.getTargetType().getSimpleName();
        }
        if (e.getCause() instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            return "facts." + path(mie) + ": " + (mie.getMessage().contains("Unrecognized field")
                    ? "not a fact these rules read" : "wrong type of value");
        }
        return "facts: " + e.getMessage();
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
