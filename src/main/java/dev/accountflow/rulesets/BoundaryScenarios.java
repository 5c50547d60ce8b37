package dev.accountflow.rulesets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.rules.AccountHealthFacts;
import dev.accountflow.rules.CompiledRuleSet;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.rules.RuleTemplate;
import dev.accountflow.rules.TableRow;
import dev.accountflow.rules.StageGateFacts;
import dev.accountflow.rules.TaskFacts;
import dev.accountflow.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Suggests the scenarios around every threshold a draft changed (19 % / 20 % / 21 %), with the outcome the draft
 * decides, so a manager who accepts them pins the new behaviour and a threshold change cannot pass untested.
 */
@Component
class BoundaryScenarios {

    record Suggestion(String name, Map<String, Object> facts, Map<String, Object> expected) {
    }

    /** Health columns that hold a threshold: the fact each compares, and the step to either side of it. */
    private static final Map<String, String> HEALTH_FACT = Map.of(
            "daysToRenewalAtMost", "daysToRenewal",
            "daysSinceExecutiveContactAtLeast", "daysSinceExecutiveEngagement",
            "usageChangeAtMost", "activeUsersChangePct",
            "usageChangeAbove", "activeUsersChangePct",
            "openEscalationsAtLeast", "openEscalations",
            "csatBelow", "csat");

    /** Assignment columns that hold a threshold: ARR bands (in dollars) and days-to-renewal bands. */
    private static final Map<String, String> ASSIGNMENT_FACT = Map.of(
            "arrAtLeast", "arr",
            "arrBelow", "arr",
            "daysToRenewalAtLeast", "daysToRenewal",
            "daysToRenewalAtMost", "daysToRenewal");

    private final RuleSetService ruleSets;
    private final ObjectMapper json = new ObjectMapper();

    BoundaryScenarios(RuleSetService ruleSets) {
        this.ruleSets = ruleSets;
    }

    List<Suggestion> suggest(String name, int version) {
        RuleTemplate template = ruleSets.templateOf(name);
        if (RuleBook.ASSIGNMENT.equals(name)) {
            return suggestAssignments(template, name, version);
        }
        if (RuleBook.STAGE_GATES.equals(name)) {
            return suggestGates(template, name, version);
        }
        if (!RuleBook.HEALTH.equals(name)) {
            return List.of();
        }
        CompiledRuleSet rules = compiled(name, version);
        List<Suggestion> suggestions = new ArrayList<>();
        for (Changed threshold : changedThresholds(name, version, HEALTH_FACT)) {
            TableRow row = threshold.row();
            String value = threshold.value();
            BigDecimal at = new BigDecimal(value);
            BigDecimal step = "csatBelow".equals(threshold.column()) ? new BigDecimal("0.1") : BigDecimal.ONE;
            for (BigDecimal probe : List.of(at.subtract(step), at, at.add(step))) {
                Map<String, Object> facts = factsMeeting(row);
                Object typed = "activeUsersChangePct".equals(threshold.fact()) || "csat".equals(threshold.fact())
                        ? probe.doubleValue() : probe.intValue();
                facts.put(threshold.fact(), typed);
                Map<String, Object> decided = RuleSetKind.HEALTH.decide(rules,
                        json.convertValue(facts, AccountHealthFacts.class));
                Map<String, Object> expected = new LinkedHashMap<>();
                expected.put("atRisk", decided.get("atRisk"));
                expected.put("flags", decided.get("flags"));
                suggestions.add(new Suggestion("Boundary: " + template.ruleName(row) + " — " + threshold.fact()
                        + " " + probe.toPlainString(), facts, expected));
            }
        }
        return suggestions;
    }

    private List<Suggestion> suggestAssignments(RuleTemplate template, String name, int version) {
        CompiledRuleSet rules = compiled(name, version);
        List<Suggestion> suggestions = new ArrayList<>();
        for (Changed threshold : changedThresholds(name, version, ASSIGNMENT_FACT)) {
            TableRow row = threshold.row();
            String value = threshold.value();
            boolean money = "arr".equals(threshold.fact());
            BigDecimal at = new BigDecimal(money ? value.replaceAll("[$,]", "") : value);
            for (BigDecimal probe : List.of(at.subtract(BigDecimal.ONE), at, at.add(BigDecimal.ONE))) {
                Map<String, Object> facts = taskMeeting(row);
                facts.put(threshold.fact(), money ? (Object) probe.doubleValue() : (Object) probe.intValue());
                Map<String, Object> decided = RuleSetKind.ASSIGNMENT.decide(rules,
                        json.convertValue(facts, TaskFacts.class));
                suggestions.add(new Suggestion("Boundary: " + template.ruleName(row) + " — " + (money
                        ? "ARR " + Money.format(probe) : "renewal in " + probe.toPlainString() + " days"),
                        facts, decided));
            }
        }
        return suggestions;
    }

    /** Stage-gate columns that hold a threshold: discount bands (in %) and the executive-engagement window (days). */
    private static final Map<String, String> GATE_FACT = Map.of(
            "discountAbove", "discountPct",
            "discountAtMost", "discountPct",
            "executiveEngagedWithinDays", "daysSinceExecutiveEngagement");

    private List<Suggestion> suggestGates(RuleTemplate template, String name, int version) {
        CompiledRuleSet rules = compiled(name, version);
        List<Suggestion> suggestions = new ArrayList<>();
        for (Changed threshold : changedThresholds(name, version, GATE_FACT)) {
            TableRow row = threshold.row();
            String value = threshold.value();
            BigDecimal at = new BigDecimal(value);
            boolean days = "daysSinceExecutiveEngagement".equals(threshold.fact());
            for (BigDecimal probe : List.of(at.subtract(BigDecimal.ONE), at, at.add(BigDecimal.ONE))) {
                if (probe.signum() < 0) {
                    continue;
                }
                Map<String, Object> facts = dealMeeting(row);
                facts.put(threshold.fact(), days ? (Object) probe.intValue() : (Object) probe.doubleValue());
                Map<String, Object> decided = RuleSetKind.STAGE_GATES.decide(rules,
                        json.convertValue(facts, StageGateFacts.class));
                Map<String, Object> expected = new LinkedHashMap<>();
                if (row.cells().containsKey("toStage")) {
                    expected.put("blocked", decided.get("blocked"));
                } else {
                    expected.put("approvalRequired", decided.get("approvalRequired"));
                }
                suggestions.add(new Suggestion("Boundary: " + template.ruleName(row) + " — " + (days
                        ? "executive engaged " + probe.toPlainString() + " days ago"
                        : "discount " + probe.stripTrailingZeros().toPlainString() + "%"), facts, expected));
            }
        }
        return suggestions;
    }

    /** A deal that meets every other condition of the row (and no other gate), so only the probed threshold decides. */
    private static Map<String, Object> dealMeeting(TableRow row) {
        Map<String, String> cells = row.cells();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("opportunityType", first(cells.get("opportunityTypes"), "RENEWAL").toUpperCase(java.util.Locale.ROOT));
        facts.put("tier", cells.getOrDefault("tier", "ENTERPRISE"));
        facts.put("vertical", first(cells.get("verticals"), "INSURANCE").toUpperCase(java.util.Locale.ROOT));
        facts.put("arr", cells.containsKey("arrAtLeast")
                ? Double.parseDouble(cells.get("arrAtLeast").replaceAll("[$,]", "")) : 100_000.0);
        if (cells.containsKey("toStage")) {
            facts.put("toStage", cells.get("toStage"));
            facts.put("daysSinceExecutiveEngagement", "no".equals(cells.get("executiveEverEngaged")) ? null : 5);
            facts.put("solutionEngineeringContributed", !"no".equals(cells.get("solutionEngineeringContributed")));
            facts.put("complianceReviewed", !"no".equals(cells.get("complianceReviewed")));
        } else {
            facts.put("discountPct", cells.containsKey("discountAbove")
                    ? Double.parseDouble(cells.get("discountAbove")) : 0.0);
        }
        return facts;
    }

    /** A threshold cell a draft changed (or added) against the active version: the row, the column, the fact it compares. */
    private record Changed(TableRow row, String column, String fact, String value) {
    }

    /** Every threshold cell of the draft that the active version does not have with the same value, by column name. */
    private List<Changed> changedThresholds(String name, int version, Map<String, String> factOf) {
        RuleSetVersion active = ruleSets.version(name, ruleSets.ruleSet(name).getActiveVersion());
        List<TableRow> before = active.getTableRows() == null ? List.of() : TableRows.read(active.getTableRows());
        List<Changed> changed = new ArrayList<>();
        for (TableRow row : ruleSets.tableOf(name, version)) {
            TableRow was = before.stream().filter(r -> r.name().equals(row.name())).findFirst().orElse(null);
            for (var threshold : factOf.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                String value = row.cells().get(threshold.getKey());
                if (value != null && (was == null || !Objects.equals(was.cells().get(threshold.getKey()), value))) {
                    changed.add(new Changed(row, threshold.getKey(), threshold.getValue(), value));
                }
            }
        }
        return changed;
    }

    private CompiledRuleSet compiled(String name, int version) {
        return ruleSets.compileOrRefuse(name, version, ruleSets.version(name, version).getDrl());
    }

    /** A task that meets every other condition of the row, so only the probed threshold decides. */
    private static Map<String, Object> taskMeeting(TableRow row) {
        Map<String, String> cells = row.cells();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("processKey", first(cells.get("processes"), "renewal"));
        facts.put("taskKey", first(cells.get("tasks"), "Task_PrepareRenewalPlan"));
        facts.put("accountName", "Boundary check");
        facts.put("territory", first(cells.get("territories"), "NORTHEAST"));
        facts.put("vertical", cells.getOrDefault("vertical", "HEALTHCARE"));
        facts.put("tier", cells.getOrDefault("tier", "ENTERPRISE"));
        facts.put("ownerId", "no".equals(cells.get("ownerKnown")) ? null : "amy");
        facts.put("arr", cells.containsKey("arrAtLeast")
                ? Double.parseDouble(cells.get("arrAtLeast").replaceAll("[$,]", "")) : 100_000.0);
        facts.put("daysToRenewal", cells.containsKey("daysToRenewalAtLeast")
                ? Integer.parseInt(cells.get("daysToRenewalAtLeast"))
                : cells.containsKey("daysToRenewalAtMost") ? Integer.parseInt(cells.get("daysToRenewalAtMost")) : 200);
        facts.put("atRisk", "yes".equals(cells.get("atRisk")));
        return facts;
    }

    private static String first(String names, String otherwise) {
        return names == null ? otherwise : names.split(",")[0].strip();
    }

    /** A healthy account that meets every other condition of the row, so only the probed threshold decides. */
    private static Map<String, Object> factsMeeting(TableRow row) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("accountName", "Boundary check");
        facts.put("tier", "ENTERPRISE");
        facts.put("vertical", "HEALTHCARE");
        facts.put("daysToRenewal", 300);
        facts.put("daysSinceExecutiveEngagement", 5);
        facts.put("hasExecutiveSponsor", true);
        facts.put("hasChampion", true);
        facts.put("activeUsersChangePct", 0.0);
        facts.put("openEscalations", 0);
        facts.put("csat", 4.5);
        Map<String, String> cells = row.cells();
        if (cells.containsKey("daysToRenewalAtMost")) {
            facts.put("daysToRenewal", Integer.parseInt(cells.get("daysToRenewalAtMost")));
        }
        if (cells.containsKey("daysSinceExecutiveContactAtLeast")) {
            facts.put("daysSinceExecutiveEngagement", Integer.parseInt(cells.get("daysSinceExecutiveContactAtLeast")));
        }
        if ("no".equals(cells.get("executiveEverEngaged"))) {
            facts.put("daysSinceExecutiveEngagement", null);
        }
        if (cells.containsKey("usageChangeAtMost")) {
            facts.put("activeUsersChangePct", Double.parseDouble(cells.get("usageChangeAtMost")));
        } else if (cells.containsKey("usageChangeAbove")) {
            facts.put("activeUsersChangePct", Double.parseDouble(cells.get("usageChangeAbove")) + 1);
        }
        if (cells.containsKey("openEscalationsAtLeast")) {
            facts.put("openEscalations", Integer.parseInt(cells.get("openEscalationsAtLeast")));
        }
        if (cells.containsKey("csatBelow")) {
            facts.put("csat", new BigDecimal(cells.get("csatBelow")).subtract(new BigDecimal("0.1")).doubleValue());
        }
        if ("no".equals(cells.get("executiveSponsor"))) {
            facts.put("hasExecutiveSponsor", false);
        }
        if (cells.containsKey("tier")) {
            facts.put("tier", cells.get("tier"));
        }
        if ("no".equals(cells.get("championPresent"))) {
            facts.put("hasChampion", false);
        }
        return facts;
    }
}
