package dev.accountflow.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The assignment rule set as a table: which task of which account (conditions) goes to whom, due in how many days,
 * at what priority (outcomes). Per outcome the first matching row decides; the last row must catch every task.
 */
final class AssignmentTable {

    /** The team's groups a task can be offered to. */
    static final List<String> GROUPS = List.of("account-managers", "sales-managers", "product-management",
            "solution-engineering", "services", "support", "billing", "legal");
    static final List<String> VERTICALS = List.of("HEALTHCARE", "FINANCIAL_SERVICES", "INSURANCE", "OTHER");
    static final List<String> TIERS = List.of("STRATEGIC", "ENTERPRISE", "GROWTH");

    static final List<String> CONDITIONS = List.of("processes", "tasks", "territories", "vertical", "tier",
            "arrAtLeast", "arrBelow", "daysToRenewalAtLeast", "daysToRenewalAtMost", "ownerKnown", "atRisk");
    static final List<String> OUTCOMES = List.of("assignTo", "dueInDays", "priority", "priorityPoints");

    private static final List<String> THRESHOLDS = List.of("arrAtLeast", "arrBelow", "daysToRenewalAtLeast",
            "daysToRenewalAtMost", "dueInDays", "priority", "priorityPoints");

    static final RuleTemplate TEMPLATE = new RuleTemplate(RuleBook.ASSIGNMENT, List.of(
            TableColumn.names("processes", "Process", "renewal"),
            TableColumn.names("tasks", "Task", "Task_PrepareQuote"),
            TableColumn.names("territories", "Territory", "NORTHEAST"),
            TableColumn.anyOf("vertical", "Vertical", VERTICALS),
            TableColumn.anyOf("tier", "Tier", TIERS),
            TableColumn.money("arrAtLeast", "ARR ≥ $"),
            TableColumn.money("arrBelow", "ARR < $"),
            TableColumn.integer("daysToRenewalAtLeast", "Days to renewal ≥", 0, 3650),
            TableColumn.integer("daysToRenewalAtMost", "Days to renewal ≤", 0, 3650),
            TableColumn.yesNo("ownerKnown", "Account has an owner"),
            TableColumn.yesNo("atRisk", "Account at risk"),
            TableColumn.assignee("assignTo", "Assignee or group", GROUPS),
            TableColumn.integer("dueInDays", "Due in days", 0, 365),
            TableColumn.integer("priority", "Priority", 0, 100),
            TableColumn.integer("priorityPoints", "Priority points added", -100, 100)),
            THRESHOLDS, thresholds(), AssignmentTable::templateValues,
            THRESHOLDS.stream().collect(Collectors.toMap(t -> t, t -> t)), AssignmentTable::checkTable);

    private AssignmentTable() {
    }

    private static Map<String, Function<Map<String, String>, String>> thresholds() {
        Map<String, Function<Map<String, String>, String>> text = new HashMap<>();
        THRESHOLDS.forEach(key -> text.put(key, cells -> cells.getOrDefault(key, "any")));
        return text;
    }

    /**
     * Each row needs an outcome; points added to a priority stand alone in their row (they apply once a priority is
     * set); and the last row catches every task and gives it to someone, so no task is left without an owner.
     */
    private static void checkTable(List<TableRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> cells = rows.get(i).cells();
            if (OUTCOMES.stream().noneMatch(cells::containsKey)) {
                throw new InvalidCell(i + 1, rows.get(i).name(), "Assignee or group",
                        "the row decides nothing: fill in an assignee or group, due in days, a priority or priority points");
            }
            if (cells.containsKey("priorityPoints") && OUTCOMES.stream().filter(cells::containsKey).count() > 1) {
                throw new InvalidCell(i + 1, rows.get(i).name(), "Priority points added",
                        "points added to a priority go in a row of their own (they apply once a priority is set)");
            }
        }
        TableRow last = rows.get(rows.size() - 1);
        if (CONDITIONS.stream().anyMatch(last.cells()::containsKey) || !last.cells().containsKey("assignTo")) {
            throw new InvalidCell(rows.size(), last.name(), "name", "the last row must catch every task: leave all its "
                    + "conditions blank and give it an assignee or group, so no task is left without one");
        }
    }

    private static Map<String, Object> templateValues(Map<String, String> cells) {
        Map<String, Object> values = new HashMap<>();
        for (String names : List.of("processes", "tasks", "territories")) {
            if (cells.containsKey(names)) {
                values.put(names, TableColumn.drlNames(cells.get(names)));
            }
        }
        copy(cells, values, "vertical", "tier", "daysToRenewalAtLeast", "daysToRenewalAtMost");
        if (cells.containsKey("arrAtLeast")) {
            values.put("arrAtLeast", TableColumn.dollars(cells.get("arrAtLeast")));
        }
        if (cells.containsKey("arrBelow")) {
            values.put("arrBelow", TableColumn.dollars(cells.get("arrBelow")));
        }
        // a task can only go to its account's owner when the account has one
        String ownerKnown = TableColumn.OWNER.equals(cells.get("assignTo")) ? "yes" : cells.get("ownerKnown");
        if (ownerKnown != null) {
            values.put("ownerKnown", "yes".equals(ownerKnown) ? "!=" : "==");
        }
        if (cells.containsKey("atRisk")) {
            values.put("atRisk", "yes".equals(cells.get("atRisk")) ? "true" : "false");
        }
        values.put("stillOpen", stillOpen(cells));
        String assignTo = cells.get("assignTo");
        values.put("assignTo", assignTo == null ? "null" : "\"" + RuleTemplate.drlString(assignTo) + "\"");
        values.put("dueInDays", cells.getOrDefault("dueInDays", "null"));
        values.put("priority", cells.getOrDefault("priority", "null"));
        values.put("priorityPoints", cells.getOrDefault("priorityPoints", "null"));
        return values;
    }

    /** A row fires only while one of its outcomes is still open: that is what makes the first matching row win. */
    private static String stillOpen(Map<String, String> cells) {
        if (cells.containsKey("priorityPoints")) {
            return "priority != null, !priorityRaised";
        }
        List<String> open = new java.util.ArrayList<>();
        if (cells.containsKey("assignTo")) {
            open.add("(assignee == null && candidateGroups.empty)");
        }
        if (cells.containsKey("dueInDays")) {
            open.add("dueInDays == null");
        }
        if (cells.containsKey("priority")) {
            open.add("priority == null");
        }
        return String.join(" || ", open);
    }

    private static void copy(Map<String, String> cells, Map<String, Object> values, String... keys) {
        for (String key : keys) {
            if (cells.containsKey(key)) {
                values.put(key, cells.get(key));
            }
        }
    }
}
