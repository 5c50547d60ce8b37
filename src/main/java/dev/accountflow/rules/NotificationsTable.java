package dev.accountflow.rules;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The notifications rule set as a table: a health change on an account as conditions, who is told when as outcome. */
final class NotificationsTable {

    static final List<String> EVENTS = List.of("TURNED_RED", "FLAG_RAISED", NoticeFacts.RENEWAL_ESCALATED);
    static final List<String> RECIPIENTS = List.of("OWNER", "SALES_MANAGERS");
    static final List<String> TIMINGS = List.of(NoticeDecision.NOW, NoticeDecision.DIGEST);

    private static final List<String> THRESHOLDS = List.of("arrAtLeast");
    private static final List<String> FACTS = List.of("accountName", "arr", "flagCode", "flagReason", "severity");

    static final RuleTemplate TEMPLATE = new RuleTemplate(RuleBook.NOTIFICATIONS, List.of(
            TableColumn.choice("event", "When", EVENTS),
            anyOf("tier", "Tier", List.of("STRATEGIC", "ENTERPRISE", "GROWTH")),
            anyOf("severity", "Flag severity", HealthTable.SEVERITIES),
            TableColumn.integer("arrAtLeast", "ARR ≥ $", 0, 1_000_000_000),
            TableColumn.choice("recipient", "Tell", RECIPIENTS),
            TableColumn.choice("timing", "Now or in the digest", TIMINGS),
            TableColumn.sentence("reason", "Why", concat(FACTS, THRESHOLDS))),
            THRESHOLDS, thresholds(), NotificationsTable::templateValues, Map.of("arrAtLeast", "arrAtLeast"));

    private NotificationsTable() {
    }

    /** A condition that may stay blank for "any". */
    private static TableColumn anyOf(String key, String label, List<String> values) {
        return new TableColumn(key, label, TableColumn.Type.ENUM, false, values, null, null,
                "one of " + String.join(", ", values) + ", or blank for any");
    }

    private static Map<String, Function<Map<String, String>, String>> thresholds() {
        Map<String, Function<Map<String, String>, String>> text = new HashMap<>();
        text.put("arrAtLeast", cells -> cells.containsKey("arrAtLeast")
                ? Sentence.money(new BigDecimal(cells.get("arrAtLeast"))) : "any");
        return text;
    }

    private static Map<String, Object> templateValues(Map<String, String> cells) {
        Map<String, Object> values = new HashMap<>(cells);
        values.remove("reason");
        return values;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
