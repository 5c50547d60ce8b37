package dev.accountflow.expansion;

import dev.accountflow.money.Money;
import dev.accountflow.rules.CompiledRuleSet;
import dev.accountflow.rules.RuleSetDeclaration;
import dev.accountflow.rules.RuleTemplate;
import dev.accountflow.rules.Sentence;
import dev.accountflow.rules.TableColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The expansion-signals rule set, declared once: its table (signal kinds, conditions, the amount, the quiet period
 * and the reason), the facts and decision its scenarios use, and its simulation over the live book.
 */
@Component
class ExpansionSignalsTable implements RuleSetDeclaration {

    static final String NAME = "expansion-signals";
    static final List<String> KINDS = List.of("WHITESPACE", "GROWTH", "SHIPPED_REQUEST", "HAPPY_RENEWAL");
    private static final int SIMULATION_LINES = 50;

    private static final List<String> THRESHOLDS = List.of("activeUsersUpAtLeast", "seatUtilizationAtLeast",
            "shippedWithinDays", "renewedWithinDays", "csatAtLeast");
    private static final List<String> FACTS = List.of("accountName", "product", "vertical", "complementedProduct",
            "activeUsersChange", "seatUtilization", "featureTitle", "renewedDaysAgo", "csat", "listArr", "currentArr");

    static final RuleTemplate TEMPLATE = new RuleTemplate(NAME, List.of(
            TableColumn.choice("kind", "Signal", KINDS),
            TableColumn.anyOf("tier", "Tier", List.of("STRATEGIC", "ENTERPRISE", "GROWTH")),
            TableColumn.yesNo("fitsVertical", "Product fits the account's vertical"),
            TableColumn.yesNo("owned", "Account owns the product"),
            TableColumn.yesNo("complementsOwned", "Complements a product it owns"),
            TableColumn.decimal("activeUsersUpAtLeast", "Active users up ≥ %", "-100", "1000"),
            TableColumn.decimal("seatUtilizationAtLeast", "Seat utilization ≥ %", "0", "100"),
            TableColumn.integer("shippedWithinDays", "Their request shipped within days", 0, 3650),
            TableColumn.integer("renewedWithinDays", "Renewed within days", 0, 3650),
            TableColumn.decimal("csatAtLeast", "CSAT ≥", "0", "5"),
            TableColumn.choice("amountOf", "Amount of", List.of(ExpansionFindings.LIST_ARR, ExpansionFindings.CURRENT_ARR)),
            required("amountPct", "Amount %", 1, 1000),
            required("quietDays", "Hidden after dismissal (days)", 1, 3650),
            TableColumn.sentence("reason", "Reason", Stream.concat(FACTS.stream(), THRESHOLDS.stream()).toList())),
            THRESHOLDS, thresholds(), ExpansionSignalsTable::templateValues, Map.of(
                    "activeUsersUpAtLeast", "activeUsersUpAtLeast", "seatUtilizationAtLeast", "seatUtilizationAtLeast",
                    "shippedWithinDays", "shippedWithinDays", "renewedWithinDays", "renewedWithinDays",
                    "csatAtLeast", "csatAtLeast"));

    private final SignalFacts signals;

    ExpansionSignalsTable(SignalFacts signals) {
        this.signals = signals;
    }

    @Override
    public RuleTemplate table() {
        return TEMPLATE;
    }

    @Override
    public String description() {
        return "Which expansion each account could buy next, why, for how much, and how long a dismissal hides it";
    }

    @Override
    public Class<?> factsType() {
        return ProductSignals.class;
    }

    @Override
    public Set<String> expectedKeys() {
        return Set.of("kinds", "estimatedAmount", "quietDays");
    }

    @Override
    public Object newDecision(Object facts) {
        return new ExpansionFindings();
    }

    @Override
    public Map<String, Object> summarize(Object decision) {
        List<ExpansionFindings.Suggested> found = ((ExpansionFindings) decision).getSuggested();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kinds", found.stream().map(ExpansionFindings.Suggested::getKind).sorted().toList());
        summary.put("estimatedAmount", found.isEmpty() ? 0 : found.get(0).getEstimatedAmount().intValue());
        summary.put("quietDays", found.isEmpty() ? 0 : found.get(0).getQuietDays());
        summary.put("reasons", found.stream().map(ExpansionFindings.Suggested::getReason).toList());
        return summary;
    }

    @Override
    public Map<String, Object> factsTemplate() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("accountName", "Granite Mutual");
        facts.put("vertical", "INSURANCE");
        facts.put("tier", "ENTERPRISE");
        facts.put("product", "Claims Analytics");
        facts.put("listArr", 150000);
        facts.put("fitsVertical", true);
        facts.put("owned", false);
        facts.put("complementsOwned", true);
        facts.put("complementedProduct", "Policy Administration Cloud");
        facts.put("activeUsersChangePct", 5.0);
        facts.put("seatUtilizationPct", 70.0);
        facts.put("csat", 4.2);
        return facts;
    }

    @Override
    public Map<String, Object> expectedTemplate() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("kinds", List.of("WHITESPACE"));
        expected.put("estimatedAmount", 150000);
        return expected;
    }

    /** Suggestions of the active and the candidate version over every account, a page at a time; writes nothing. */
    @Override
    public Simulated simulate(CompiledRuleSet active, CompiledRuleSet candidate) {
        int accounts = 0;
        Map<String, ExpansionFindings.Suggested> before = new TreeMap<>();
        Map<String, ExpansionFindings.Suggested> after = new TreeMap<>();
        String afterId = null;
        for (List<String> page = signals.accountIdsAfter(null); !page.isEmpty();
             page = signals.accountIdsAfter(afterId)) {
            String lastId = page.get(page.size() - 1);
            List<ProductSignals> facts = signals.of(dev.accountflow.account.AccountRange.page(afterId, lastId));
            accounts += page.size();
            run(active, facts).forEach(s -> before.put(s.key(), s));
            run(candidate, facts).forEach(s -> after.put(s.key(), s));
            afterId = lastId;
        }
        List<String> lines = new ArrayList<>();
        lines.add("Suggestions now: " + before.size() + " (" + Money.format(total(before)) + "); with this version: "
                + after.size() + " (" + Money.format(total(after)) + ")");
        List<String> changes = new ArrayList<>();
        after.forEach((key, s) -> {
            if (!before.containsKey(key)) {
                changes.add("New: " + line(s));
            }
        });
        before.forEach((key, s) -> {
            if (!after.containsKey(key)) {
                changes.add("No longer: " + line(s));
            }
        });
        lines.addAll(changes.stream().limit(SIMULATION_LINES).toList());
        if (changes.size() > SIMULATION_LINES) {
            lines.add("… and " + (changes.size() - SIMULATION_LINES) + " more changes");
        }
        return new Simulated(accounts, lines);
    }

    static List<ExpansionFindings.Suggested> run(CompiledRuleSet rules, List<ProductSignals> facts) {
        ExpansionFindings findings = new ExpansionFindings();
        List<Object> all = new ArrayList<>(facts);
        all.add(findings);
        rules.execute(all);
        return findings.getSuggested();
    }

    private static BigDecimal total(Map<String, ExpansionFindings.Suggested> suggestions) {
        return suggestions.values().stream().map(ExpansionFindings.Suggested::getEstimatedAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String line(ExpansionFindings.Suggested s) {
        return s.getFacts().getAccountName() + " — " + s.getFacts().getProduct() + " (" + s.getKind() + ", "
                + Money.format(s.getEstimatedAmount()) + ", by row '" + s.getRuleName() + "')";
    }

    private static TableColumn required(String key, String label, int min, int max) {
        return new TableColumn(key, label, TableColumn.Type.INTEGER, true, null, BigDecimal.valueOf(min),
                BigDecimal.valueOf(max), "a whole number, " + min + "–" + max);
    }

    private static Map<String, Function<Map<String, String>, String>> thresholds() {
        Map<String, Function<Map<String, String>, String>> text = new HashMap<>();
        text.put("activeUsersUpAtLeast", cells -> percent(cells.get("activeUsersUpAtLeast")));
        text.put("seatUtilizationAtLeast", cells -> percent(cells.get("seatUtilizationAtLeast")));
        text.put("shippedWithinDays", cells -> cells.getOrDefault("shippedWithinDays", "any"));
        text.put("renewedWithinDays", cells -> cells.getOrDefault("renewedWithinDays", "any"));
        text.put("csatAtLeast", cells -> cells.getOrDefault("csatAtLeast", "any"));
        return text;
    }

    private static String percent(String cell) {
        return cell == null ? "any" : Sentence.percentText(new BigDecimal(cell).doubleValue());
    }

    private static Map<String, Object> templateValues(Map<String, String> cells) {
        Map<String, Object> values = new HashMap<>(cells);
        values.remove("reason");
        for (String yesNo : List.of("fitsVertical", "owned", "complementsOwned")) {
            values.computeIfPresent(yesNo, (k, v) -> "yes".equals(v) ? "true" : "false");
        }
        return values;
    }

    static String label(String kind) {
        return switch (kind) {
            case "WHITESPACE" -> "Whitespace";
            case "GROWTH" -> "Growth";
            case "SHIPPED_REQUEST" -> "Shipped request";
            case "HAPPY_RENEWAL" -> "Happy renewal";
            default -> kind;
        };
    }
}
