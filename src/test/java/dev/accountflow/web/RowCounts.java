package dev.accountflow.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rows a refused request must not have added: the book, the rules, and the processes running. */
final class RowCounts {

    static final List<String> TABLES = List.of("account", "contact", "subscription", "health_signal",
            "rule_set_version", "rule_scenario", "live_renewal", "opportunity", "touch_point", "ACT_RU_EXECUTION",
            "feature_request", "product", "escalation");

    private RowCounts() {
    }

    static Map<String, Long> of(JdbcTemplate jdbc) {
        String sql = "select " + String.join(", ", TABLES.stream()
                .map(t -> "(select count(*) from " + t + ") as " + t).toList());
        return jdbc.query(sql, rs -> {
            rs.next();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(table, rs.getLong(table));
            }
            return counts;
        });
    }
}
