package dev.accountflow.rules;

import dev.accountflow.money.Money;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** The feature-routing rule set as a table: product area, ARR at stake, tier and vertical in; team, priority, SLA out. */
final class FeatureRoutingTable {

    static final List<String> PRODUCT_AREAS = List.of("COMMERCE", "ANALYTICS", "PLATFORM");
    static final List<String> PRODUCT_TEAMS = List.of("COMMERCE", "ANALYTICS", "PLATFORM", "TRIAGE");
    static final List<String> PRIORITIES = List.of("P1", "P2", "P3");

    private static final List<String> THRESHOLDS = List.of("arrAtStakeAtLeast", "requestingAccountsAtLeast");
    private static final List<String> FACTS = List.of("title", "productArea", "accountName", "tier", "vertical",
            "arrAtStake", "requestingAccounts");

    static final RuleTemplate TEMPLATE = new RuleTemplate(RuleBook.FEATURE_ROUTING, List.of(
            optionalChoice("productArea", "Product area", PRODUCT_AREAS),
            TableColumn.integer("arrAtStakeAtLeast", "ARR at stake ≥ $", 0, 2_000_000_000),
            TableColumn.integer("requestingAccountsAtLeast", "Accounts asking ≥", 1, 100_000),
            optionalChoice("tier", "Tier", List.of("STRATEGIC", "ENTERPRISE", "GROWTH")),
            optionalChoice("vertical", "Vertical", List.of("HEALTHCARE", "FINANCIAL_SERVICES", "INSURANCE", "OTHER")),
            TableColumn.yesNo("blocksRenewal", "Blocks a renewal"),
            optionalChoice("productTeam", "Routed to product managers", PRODUCT_TEAMS),
            optionalChoice("priority", "Priority", PRIORITIES),
            TableColumn.integer("slaBusinessDays", "SLA (business days)", 1, 60),
            TableColumn.sentence("reason", "Reason", Stream.concat(FACTS.stream(), THRESHOLDS.stream()).toList())),
            THRESHOLDS, thresholds(), FeatureRoutingTable::templateValues, Map.of(
                    "arrAtStakeAtLeast", "arrAtStakeAtLeast",
                    "requestingAccountsAtLeast", "requestingAccountsAtLeast"));

    private FeatureRoutingTable() {
    }

    // blank means "any area", "any tier": unlike health's flag code, these outcomes and conditions are optional
    private static TableColumn optionalChoice(String key, String label, List<String> values) {
        return new TableColumn(key, label, TableColumn.Type.ENUM, false, values, null, null,
                "one of " + String.join(", ", values) + ", or blank for any");
    }

    private static Map<String, Function<Map<String, String>, String>> thresholds() {
        Map<String, Function<Map<String, String>, String>> text = new HashMap<>();
        text.put("arrAtStakeAtLeast", cells -> cells.get("arrAtStakeAtLeast") == null ? "any"
                : Money.format(new BigDecimal(cells.get("arrAtStakeAtLeast"))));
        text.put("requestingAccountsAtLeast", cells -> cells.getOrDefault("requestingAccountsAtLeast", "any"));
        return text;
    }

    private static Map<String, Object> templateValues(Map<String, String> cells) {
        Map<String, Object> values = new HashMap<>(cells);
        values.remove("reason");
        values.computeIfPresent("blocksRenewal", (k, v) -> "yes".equals(v) ? "true" : "false");
        return values;
    }
}
