package dev.accountflow.rulesets;

import dev.accountflow.rules.RuleTemplate;
import dev.accountflow.rules.TableColumn;
import dev.accountflow.rules.TableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two versions of a table, row by row, read from the older to the newer. */
final class TableDiff {

    private TableDiff() {
    }

    static List<String> between(RuleTemplate template, List<TableRow> older, List<TableRow> newer) {
        Map<String, TableRow> before = older.stream().collect(Collectors.toMap(TableRow::name, Function.identity(),
                (a, b) -> a));
        Map<String, TableRow> after = newer.stream().collect(Collectors.toMap(TableRow::name, Function.identity(),
                (a, b) -> a));
        List<String> lines = new ArrayList<>();
        for (TableRow row : newer) {
            TableRow was = before.get(row.name());
            if (was == null) {
                lines.add("row added: " + template.ruleName(row));
                continue;
            }
            for (TableColumn column : template.columns()) {
                String from = was.cells().get(column.key());
                String to = row.cells().get(column.key());
                if (!Objects.equals(from, to)) {
                    lines.add("row " + template.ruleName(was) + ": " + column.label() + ": " + shown(from) + " → "
                            + shown(to));
                }
            }
        }
        older.stream().filter(row -> !after.containsKey(row.name()))
                .forEach(row -> lines.add("row removed: " + template.ruleName(row)));
        List<String> kept = newer.stream().map(TableRow::name).filter(before::containsKey).toList();
        if (!kept.equals(older.stream().map(TableRow::name).filter(after::containsKey).toList())) {
            lines.add("rows reordered: " + String.join(" · ", kept.stream()
                    .map(name -> template.ruleName(after.get(name))).toList()));
        }
        return lines;
    }

    private static String shown(String cell) {
        return cell == null ? "any" : cell;
    }
}
