package dev.accountflow.rules;

import dev.accountflow.money.Money;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The stage-gates rule set as a table: a row that names a stage is an exit criterion for the move into it (failing
 * it blocks the move with the row's reason); a row with a discount band and no stage asks for a sales manager's
 * approval of discounts in that band.
 */
final class StageGatesTable {

    static final List<String> STAGES = List.of("QUALIFY", "DISCOVER", "SOLUTION_DEVELOPMENT", "PROPOSAL", "NEGOTIATION",
            "CLOSED_WON");
    static final List<String> OPPORTUNITY_TYPES = List.of("RENEWAL", "EXPANSION", "NEW_BUSINESS");
    static final List<String> VERTICALS = List.of("HEALTHCARE", "FINANCIAL_SERVICES", "INSURANCE", "OTHER");
    static final List<String> OUTCOMES = List.of(StageGateDecision.APPROVAL, StageGateDecision.BLOCK);
    /** The groups that approve discounts (the approval task itself is assigned by the assignment table). */
    static final List<String> APPROVER_GROUPS = List.of("sales-managers");

    private static final List<String> THRESHOLDS = List.of("discountAbove", "discountAtMost", "arrAtLeast",
            "executiveEngagedWithinDays");
    private static final List<String> FACTS = List.of("opportunityType", "tier", "vertical", "arr", "discountPct",
            "fromStage", "toStage", "daysSinceExecutiveEngagement");
    /** Conditions that only a stage move has. */
    private static final List<String> MOVE_ONLY = List.of("executiveEngagedWithinDays", "executiveEverEngaged",
            "solutionEngineeringContributed", "complianceReviewed");

    static final RuleTemplate TEMPLATE = new RuleTemplate(RuleBook.STAGE_GATES, List.of(
            TableColumn.anyOf("toStage", "Moving into stage", STAGES),
            TableColumn.names("opportunityTypes", "Opportunity types", "RENEWAL, EXPANSION"),
            TableColumn.anyOf("tier", "Tier", List.of("STRATEGIC", "ENTERPRISE", "GROWTH")),
            TableColumn.names("verticals", "Verticals", "HEALTHCARE, FINANCIAL_SERVICES"),
            TableColumn.decimal("discountAbove", "Discount > %", "0", "100"),
            TableColumn.decimal("discountAtMost", "Discount ≤ %", "0", "100"),
            TableColumn.money("arrAtLeast", "ARR ≥"),
            TableColumn.integer("executiveEngagedWithinDays", "Executive engaged within days", 0, 3650),
            TableColumn.yesNo("executiveEverEngaged", "Executive ever engaged"),
            TableColumn.yesNo("solutionEngineeringContributed", "Solution engineering contributed"),
            TableColumn.yesNo("complianceReviewed", "Compliance reviewed"),
            TableColumn.choice("outcome", "Outcome", OUTCOMES),
            TableColumn.anyOf("approverGroup", "Approved by", APPROVER_GROUPS),
            TableColumn.sentence("reason", "Reason", Stream.concat(FACTS.stream(), THRESHOLDS.stream()).toList())),
            THRESHOLDS, thresholds(), StageGatesTable::templateValues, Map.of(
                    "discountAbove", "discountAbove:percent", "discountAtMost", "discountAtMost:percent",
                    "arrAtLeast", "arrAtLeast", "executiveEngagedWithinDays", "executiveEngagedWithinDays"),
            StageGatesTable::checkTable);

    private StageGatesTable() {
    }

    private static Map<String, Function<Map<String, String>, String>> thresholds() {
        Map<String, Function<Map<String, String>, String>> text = new HashMap<>();
        text.put("discountAbove", cells -> percent(cells.get("discountAbove")));
        text.put("discountAtMost", cells -> percent(cells.get("discountAtMost")));
        text.put("arrAtLeast", cells -> cells.getOrDefault("arrAtLeast", "any"));
        text.put("executiveEngagedWithinDays", cells -> cells.getOrDefault("executiveEngagedWithinDays", "any"));
        return text;
    }

    private static String percent(String cell) {
        return cell == null ? "any" : Sentence.percent(new BigDecimal(cell).doubleValue());
    }

    /**
     * A row either guards a stage move (it names the stage and blocks) or asks for approval of a discount band (no
     * stage, a discount bound, an approver); types and verticals come from their lists.
     */
    private static void checkTable(List<TableRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            TableRow row = rows.get(i);
            Map<String, String> cells = row.cells();
            checkList(i + 1, row, "opportunityTypes", "Opportunity types", OPPORTUNITY_TYPES);
            checkList(i + 1, row, "verticals", "Verticals", VERTICALS);
            boolean block = StageGateDecision.BLOCK.equals(cells.get("outcome"));
            if (block) {
                if (!cells.containsKey("toStage")) {
                    throw new InvalidCell(i + 1, row.name(), "Moving into stage", "a row that blocks names the stage "
                            + "whose entry it guards (one of " + String.join(", ", STAGES) + ")");
                }
                if (cells.containsKey("approverGroup")) {
                    throw new InvalidCell(i + 1, row.name(), "Approved by", "a row that blocks a stage move has no "
                            + "approver: leave it blank, or make the row an APPROVAL of a discount");
                }
            } else {
                if (cells.containsKey("toStage")) {
                    throw new InvalidCell(i + 1, row.name(), "Moving into stage", "an APPROVAL row checks a proposed "
                            + "discount, not a stage move: leave the stage blank");
                }
                for (String moveOnly : MOVE_ONLY) {
                    if (cells.containsKey(moveOnly)) {
                        throw new InvalidCell(i + 1, row.name(), TEMPLATE_LABELS.get(moveOnly), "only a stage move "
                                + "has this; an APPROVAL row checks a discount: leave it blank");
                    }
                }
                if (!cells.containsKey("discountAbove") && !cells.containsKey("discountAtMost")) {
                    throw new InvalidCell(i + 1, row.name(), "Discount > %", "an APPROVAL row needs the discount "
                            + "above which it asks for approval");
                }
                if (!cells.containsKey("approverGroup")) {
                    throw new InvalidCell(i + 1, row.name(), "Approved by", "an APPROVAL row names who approves: "
                            + String.join(", ", APPROVER_GROUPS));
                }
            }
            if (cells.containsKey("discountAbove") && cells.containsKey("discountAtMost")
                    && new BigDecimal(cells.get("discountAbove")).compareTo(new BigDecimal(cells.get("discountAtMost"))) >= 0) {
                throw new InvalidCell(i + 1, row.name(), "Discount ≤ %", "the band is empty: "
                        + cells.get("discountAtMost") + " is not above " + cells.get("discountAbove"));
            }
        }
    }

    private static final Map<String, String> TEMPLATE_LABELS = Map.of(
            "executiveEngagedWithinDays", "Executive engaged within days",
            "executiveEverEngaged", "Executive ever engaged",
            "solutionEngineeringContributed", "Solution engineering contributed",
            "complianceReviewed", "Compliance reviewed");

    private static void checkList(int rowNumber, TableRow row, String key, String label, List<String> allowed) {
        String cell = row.cells().get(key);
        if (cell == null) {
            return;
        }
        for (String value : cell.split(",\\s*")) {
            if (!allowed.contains(value.toUpperCase(java.util.Locale.ROOT))) {
                throw new InvalidCell(rowNumber, row.name(), label, "'" + TableColumn.shorten(value) + "' is not one of "
                        + String.join(", ", allowed));
            }
        }
    }

    private static Map<String, Object> templateValues(Map<String, String> cells) {
        Map<String, Object> values = new HashMap<>();
        values.put("toStage", cells.containsKey("toStage") ? "\"" + cells.get("toStage") + "\"" : "null");
        for (String list : List.of("opportunityTypes", "verticals")) {
            if (cells.containsKey(list)) {
                values.put(list, TableColumn.drlNames(cells.get(list).toUpperCase(java.util.Locale.ROOT)));
            }
        }
        copy(cells, values, "tier", "discountAbove", "discountAtMost", "executiveEngagedWithinDays", "outcome");
        if (cells.containsKey("arrAtLeast")) {
            values.put("arrAtLeast", TableColumn.dollars(cells.get("arrAtLeast")));
        }
        if (cells.containsKey("executiveEverEngaged")) {
            values.put("executiveEverEngaged", "yes".equals(cells.get("executiveEverEngaged")) ? "!=" : "==");
        }
        for (String yesNo : List.of("solutionEngineeringContributed", "complianceReviewed")) {
            if (cells.containsKey(yesNo)) {
                values.put(yesNo, "yes".equals(cells.get(yesNo)) ? "true" : "false");
            }
        }
        // a blocking row has no approver; the consequence line must not drop out for it
        values.put("approverGroup", cells.getOrDefault("approverGroup", "none"));
        return values;
    }

    private static void copy(Map<String, String> cells, Map<String, Object> values, String... keys) {
        for (String key : keys) {
            if (cells.containsKey(key)) {
                values.put(key, cells.get(key));
            }
        }
    }

    /** How a reason names a fact: "renewal", "new business", "financial-services", "$180,000". */
    static Map<String, String> reasonValues(StageGateFacts facts) {
        Map<String, String> values = new HashMap<>();
        values.put("opportunityType", words(facts.getOpportunityType(), " "));
        values.put("tier", words(facts.getTier(), " "));
        values.put("vertical", words(facts.getVertical(), "-"));
        values.put("arr", Money.format(BigDecimal.valueOf(facts.getArr())));
        values.put("discountPct", facts.getDiscountPct() == null ? "no discount" : Sentence.percent(facts.getDiscountPct()));
        values.put("fromStage", words(facts.getFromStage(), " "));
        values.put("toStage", words(facts.getToStage(), " "));
        values.put("daysSinceExecutiveEngagement", facts.getDaysSinceExecutiveEngagement() == null ? "no"
                : String.valueOf(facts.getDaysSinceExecutiveEngagement()));
        return values;
    }

    private static String words(String enumName, String joiner) {
        return enumName == null ? "unknown" : enumName.toLowerCase(java.util.Locale.ROOT).replace("_", joiner);
    }
}
