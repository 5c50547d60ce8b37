package dev.accountflow.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** The escalation-routing rule set as a table: division, severity, tier and vertical in; group and SLA out. */
final class EscalationRoutingTable {

    static final List<String> DIVISIONS = List.of("SUPPORT", "SERVICES", "BILLING", "LEGAL", "PRODUCT");
    static final List<String> SEVERITIES = List.of("S1", "S2", "S3", "S4");
    static final List<String> GROUPS = List.of("support", "services", "billing", "legal", "pm-commerce",
            "pm-analytics", "pm-platform", "pm-triage");

    private static final List<String> FACTS = List.of("division", "severity", "accountName", "tier", "vertical", "arr");

    static final RuleTemplate TEMPLATE = new RuleTemplate(RuleBook.ESCALATION_ROUTING, List.of(
            TableColumn.anyOf("division", "Division", DIVISIONS),
            TableColumn.anyOf("severity", "Severity", SEVERITIES),
            TableColumn.anyOf("tier", "Tier", List.of("STRATEGIC", "ENTERPRISE", "GROWTH")),
            TableColumn.anyOf("vertical", "Vertical", List.of("HEALTHCARE", "FINANCIAL_SERVICES", "INSURANCE", "OTHER")),
            TableColumn.anyOf("group", "Routed to group", GROUPS),
            TableColumn.integer("acknowledgeWithinHours", "Acknowledge within (business hours)", 1, 200),
            TableColumn.integer("resolveWithinBusinessDays", "Resolve within (business days)", 1, 60),
            TableColumn.yesNo("tellSalesManagers", "A breach tells the sales managers"),
            TableColumn.sentence("reason", "Reason", Stream.concat(FACTS.stream(),
                    Stream.of("acknowledgeWithinHours", "resolveWithinBusinessDays")).toList())),
            List.of("acknowledgeWithinHours", "resolveWithinBusinessDays"), thresholds(),
            EscalationRoutingTable::templateValues, Map.of(
                    "acknowledgeWithinHours", "acknowledgeWithinHours",
                    "resolveWithinBusinessDays", "resolveWithinBusinessDays"));

    private EscalationRoutingTable() {
    }

    private static Map<String, Function<Map<String, String>, String>> thresholds() {
        Map<String, Function<Map<String, String>, String>> text = new HashMap<>();
        text.put("acknowledgeWithinHours", cells -> cells.getOrDefault("acknowledgeWithinHours", "the default"));
        text.put("resolveWithinBusinessDays", cells -> cells.getOrDefault("resolveWithinBusinessDays", "the default"));
        return text;
    }

    private static Map<String, Object> templateValues(Map<String, String> cells) {
        Map<String, Object> values = new HashMap<>(cells);
        values.remove("reason");
        values.computeIfPresent("tellSalesManagers", (k, v) -> "yes".equals(v) ? "true" : "false");
        return values;
    }
}
