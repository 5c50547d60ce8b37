package dev.accountflow.rulesets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.rules.AccountHealthFacts;
import dev.accountflow.rules.CompiledRuleSet;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.rules.RuleTemplate;
import dev.accountflow.rules.TableRow;
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

    private final RuleSetService ruleSets;
    private final ObjectMapper json = new ObjectMapper();

    BoundaryScenarios(RuleSetService ruleSets) {
        this.ruleSets = ruleSets;
    }

    List<Suggestion> suggest(String name, int version) {
        RuleTemplate template = ruleSets.templateOf(name);
        if (!RuleBook.HEALTH.equals(name)) {
            return List.of();
        }
        List<TableRow> draft = ruleSets.tableOf(name, version);
        int activeVersion = ruleSets.ruleSet(name).getActiveVersion();
        RuleSetVersion active = ruleSets.version(name, activeVersion);
        List<TableRow> before = active.getTableRows() == null ? List.of() : TableRows.read(active.getTableRows());
        CompiledRuleSet rules = ruleSets.compileOrRefuse(name, version, ruleSets.version(name, version).getDrl());
        List<Suggestion> suggestions = new ArrayList<>();
        for (TableRow row : draft) {
            TableRow was = before.stream().filter(r -> r.name().equals(row.name())).findFirst().orElse(null);
            for (var threshold : HEALTH_FACT.entrySet()) {
                String value = row.cells().get(threshold.getKey());
                if (value == null || (was != null && Objects.equals(was.cells().get(threshold.getKey()), value))) {
                    continue;
                }
                BigDecimal at = new BigDecimal(value);
                BigDecimal step = "csatBelow".equals(threshold.getKey()) ? new BigDecimal("0.1") : BigDecimal.ONE;
                for (BigDecimal probe : List.of(at.subtract(step), at, at.add(step))) {
                    Map<String, Object> facts = factsMeeting(row);
                    Object typed = "activeUsersChangePct".equals(threshold.getValue()) || "csat".equals(threshold.getValue())
                            ? probe.doubleValue() : probe.intValue();
                    facts.put(threshold.getValue(), typed);
                    Map<String, Object> decided = RuleSetKind.HEALTH.decide(rules,
                            json.convertValue(facts, AccountHealthFacts.class));
                    Map<String, Object> expected = new LinkedHashMap<>();
                    expected.put("atRisk", decided.get("atRisk"));
                    expected.put("flags", decided.get("flags"));
                    suggestions.add(new Suggestion("Boundary: " + template.ruleName(row) + " — " + threshold.getValue()
                            + " " + probe.toPlainString(), facts, expected));
                }
            }
        }
        return suggestions;
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
        return facts;
    }
}
