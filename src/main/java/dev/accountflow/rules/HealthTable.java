package dev.accountflow.rules;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The health rule set as a table: warning signs as conditions, a flag with a reason as the outcome. */
final class HealthTable {

    static final List<String> FLAG_CODES = List.of("EXEC_SILENT_NEAR_RENEWAL", "USAGE_DROP", "ESCALATIONS",
            "NO_EXECUTIVE_SPONSOR", "LOW_CSAT", "RENEWAL_NEAR", "USAGE_LOW", "NO_CHAMPION", "SPONSOR_LEFT",
            "CLOSE_DATE_SLIPPING", "ESCALATION_SEVERE", "ESCALATION_AGING");
    static final List<String> SEVERITIES = List.of("HIGH", "MEDIUM", "LOW");

    private static final List<String> THRESHOLDS = List.of("daysToRenewalAtMost", "daysSinceExecutiveContactAtLeast",
            "usageDropThreshold", "usageDropCeiling", "openEscalationsAtLeast", "csatBelow", "closeDatePushesAtLeast",
            "escalationSeverityAtLeast", "oldestEscalationDaysAtLeast");
    private static final List<String> FACTS = List.of("accountName", "daysToRenewal", "daysSinceExecutiveContact",
            "usageDropPct", "openEscalations", "csat", "renewalProduct", "renewalArr", "daysSinceSponsorLeft",
            "closeDatePushes", "slippingOpportunity", "slippingCloseDate", "slippingFirstCloseDate",
            "openCustomerEscalations", "worstEscalationSeverity", "oldestEscalationDays");

    static final RuleTemplate TEMPLATE = new RuleTemplate(RuleBook.HEALTH, List.of(
            TableColumn.integer("daysToRenewalAtMost", "Days to renewal ≤", 0, 3650),
            TableColumn.integer("daysSinceExecutiveContactAtLeast", "Days since executive contact ≥", 0, 3650),
            TableColumn.yesNo("executiveEverEngaged", "Executive ever engaged"),
            TableColumn.decimal("usageChangeAtMost", "Active-user change ≤ %", "-100", "1000"),
            TableColumn.decimal("usageChangeAbove", "Active-user change > %", "-100", "1000"),
            TableColumn.integer("openEscalationsAtLeast", "Open escalations ≥", 0, 10000),
            TableColumn.decimal("csatBelow", "CSAT <", "0", "5"),
            TableColumn.yesNo("executiveSponsor", "Executive sponsor present"),
            TableColumn.anyOf("tier", "Tier", List.of("STRATEGIC", "ENTERPRISE", "GROWTH")),
            TableColumn.yesNo("championPresent", "Champion present"),
            TableColumn.yesNo("executiveSponsorLeft", "An executive sponsor left"),
            TableColumn.integer("closeDatePushesAtLeast", "A deal's close date pushed ≥ times", 1, 100),
            TableColumn.anyOf("escalationSeverityAtLeast", "Open escalation at least as severe as",
                    List.of("S1", "S2", "S3", "S4")),
            TableColumn.integer("oldestEscalationDaysAtLeast", "Oldest open escalation ≥ days", 0, 3650),
            TableColumn.choice("flagCode", "Flag code", FLAG_CODES),
            TableColumn.choice("severity", "Severity", SEVERITIES),
            TableColumn.sentence("reason", "Reason", concat(FACTS, THRESHOLDS))),
            THRESHOLDS, thresholds(), HealthTable::templateValues, Map.of(
                    "daysToRenewalAtMost", "daysToRenewalAtMost",
                    "daysSinceExecutiveContactAtLeast", "daysSinceExecutiveContactAtLeast",
                    "usageDropThreshold", "usageChangeAtMost:drop", "usageDropCeiling", "usageChangeAbove:drop",
                    "openEscalationsAtLeast", "openEscalationsAtLeast", "csatBelow", "csatBelow",
                    "closeDatePushesAtLeast", "closeDatePushesAtLeast",
                    "escalationSeverityAtLeast", "escalationSeverityAtLeast",
                    "oldestEscalationDaysAtLeast", "oldestEscalationDaysAtLeast"));

    private HealthTable() {
    }

    private static Map<String, Function<Map<String, String>, String>> thresholds() {
        Map<String, Function<Map<String, String>, String>> text = new HashMap<>();
        text.put("daysToRenewalAtMost", cells -> cells.getOrDefault("daysToRenewalAtMost", "any"));
        text.put("daysSinceExecutiveContactAtLeast", cells -> cells.getOrDefault("daysSinceExecutiveContactAtLeast", "any"));
        text.put("usageDropThreshold", cells -> drop(cells.get("usageChangeAtMost")));
        text.put("usageDropCeiling", cells -> drop(cells.get("usageChangeAbove")));
        text.put("openEscalationsAtLeast", cells -> cells.getOrDefault("openEscalationsAtLeast", "any"));
        text.put("csatBelow", cells -> cells.getOrDefault("csatBelow", "any"));
        text.put("closeDatePushesAtLeast", cells -> cells.getOrDefault("closeDatePushesAtLeast", "any"));
        text.put("escalationSeverityAtLeast", cells -> cells.getOrDefault("escalationSeverityAtLeast", "any"));
        text.put("oldestEscalationDaysAtLeast", cells -> cells.getOrDefault("oldestEscalationDaysAtLeast", "any"));
        return text;
    }

    /** An active-user change of −20 reads as a drop of "20%". */
    private static String drop(String change) {
        return change == null ? "any" : Sentence.percent(new BigDecimal(change).negate().doubleValue());
    }

    private static Map<String, Object> templateValues(Map<String, String> cells) {
        Map<String, Object> values = new HashMap<>(cells);
        values.remove("reason");
        values.computeIfPresent("executiveEverEngaged", (k, v) -> "yes".equals(v) ? "!=" : "==");
        values.computeIfPresent("executiveSponsor", (k, v) -> "yes".equals(v) ? "true" : "false");
        values.computeIfPresent("championPresent", (k, v) -> "yes".equals(v) ? "true" : "false");
        values.computeIfPresent("executiveSponsorLeft", (k, v) -> "yes".equals(v) ? "true" : "false");
        return values;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
