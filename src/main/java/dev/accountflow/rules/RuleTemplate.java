package dev.accountflow.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.drools.template.ObjectDataCompiler;

/**
 * A rule set whose logic is a developer's Drools template ({@code rules/<name>.drt}) and whose rows are a table
 * sales managers keep. Rows are checked cell by cell against typed columns; only canonical cell text reaches the
 * template compiler, and sentences travel Base64-encoded, so a cell can never become code.
 */
public final class RuleTemplate {

    static final int MAX_ROWS = 200;
    static final int MAX_NAME = 200;

    private final String ruleSet;
    private final List<TableColumn> columns;
    private final List<String> namePlaceholders;
    private final Map<String, Function<Map<String, String>, String>> thresholdText;
    private final Function<Map<String, String>, Map<String, Object>> templateValues;
    private final Map<String, String> placeholderSources;
    private final java.util.function.Consumer<List<TableRow>> tableRule;

    /**
     * A table: its typed columns, the thresholds a row's name may show ({@code thresholdText} renders each from the
     * row's cells), how checked cells become template values, and which column each name placeholder shows.
     */
    public RuleTemplate(String ruleSet, List<TableColumn> columns, List<String> namePlaceholders,
                 Map<String, Function<Map<String, String>, String>> thresholdText,
                 Function<Map<String, String>, Map<String, Object>> templateValues,
                 Map<String, String> placeholderSources) {
        this(ruleSet, columns, namePlaceholders, thresholdText, templateValues, placeholderSources, rows -> {
        });
    }

    /** {@code tableRule} checks the rows as a whole once every cell fits (e.g. "the last row catches every task"). */
    RuleTemplate(String ruleSet, List<TableColumn> columns, List<String> namePlaceholders,
                 Map<String, Function<Map<String, String>, String>> thresholdText,
                 Function<Map<String, String>, Map<String, Object>> templateValues,
                 Map<String, String> placeholderSources, java.util.function.Consumer<List<TableRow>> tableRule) {
        this.tableRule = tableRule;
        this.placeholderSources = Map.copyOf(placeholderSources);
        this.ruleSet = ruleSet;
        this.columns = List.copyOf(columns);
        this.namePlaceholders = List.copyOf(namePlaceholders);
        this.thresholdText = Map.copyOf(thresholdText);
        this.templateValues = templateValues;
    }

    /** The rule sets kept as tables in this package (capabilities declare theirs: {@link RuleSetDeclaration}). */
    public static Optional<RuleTemplate> of(String ruleSet) {
        return switch (ruleSet == null ? "" : ruleSet) {
            case RuleBook.HEALTH -> Optional.of(HealthTable.TEMPLATE);
            case RuleBook.ASSIGNMENT -> Optional.of(AssignmentTable.TEMPLATE);
            case RuleBook.NOTIFICATIONS -> Optional.of(NotificationsTable.TEMPLATE);
            case RuleBook.FEATURE_ROUTING -> Optional.of(FeatureRoutingTable.TEMPLATE);
            case RuleBook.ESCALATION_ROUTING -> Optional.of(EscalationRoutingTable.TEMPLATE);
            case RuleBook.STAGE_GATES -> Optional.of(StageGatesTable.TEMPLATE);
            default -> Optional.empty();
        };
    }

    public String ruleSet() {
        return ruleSet;
    }

    public List<TableColumn> columns() {
        return columns;
    }

    /** The placeholders a row's name may use: the row's own thresholds. */
    public List<String> namePlaceholders() {
        return namePlaceholders;
    }

    /**
     * For pages that show a row's name as it will read: which column each threshold placeholder shows, and how
     * ("usageChangeAtMost:drop" shows −20 as "20%").
     */
    public Map<String, String> placeholderSources() {
        return placeholderSources;
    }

    /** Every row checked; the first bad cell is refused naming row (1-based) and column. */
    public List<TableRow> check(List<TableRow> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new InvalidCell(1, null, "name", "the table needs at least one row");
        }
        if (rows.size() > MAX_ROWS) {
            throw new InvalidCell(MAX_ROWS + 1, null, "name", "at most " + MAX_ROWS + " rows (" + rows.size() + ")");
        }
        List<TableRow> checked = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            TableRow row = rows.get(i);
            if (row == null) {
                throw new InvalidCell(i + 1, null, "name", "the row is empty");
            }
            for (String key : row.cells().keySet()) {
                if (columns.stream().noneMatch(c -> c.key().equals(key))) {
                    throw new InvalidCell(i + 1, row.name(), TableColumn.shorten(key), "no such column; the columns are "
                            + String.join(", ", columns.stream().map(TableColumn::key).toList()));
                }
            }
            String name;
            try {
                String raw = row.name() == null ? "" : row.name().strip();
                if (raw.isEmpty()) {
                    throw new IllegalArgumentException("is required: give the row a plain name");
                }
                name = Sentence.check(raw, MAX_NAME, namePlaceholders);
            } catch (IllegalArgumentException e) {
                throw new InvalidCell(i + 1, row.name(), "name", e.getMessage());
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (TableColumn column : columns) {
                try {
                    String value = column.check(row.cells().get(column.key()));
                    if (value != null) {
                        cells.put(column.key(), value);
                    }
                } catch (IllegalArgumentException e) {
                    throw new InvalidCell(i + 1, name, column.label(), e.getMessage());
                }
            }
            String ruleName = fillThresholds(name, cells);
            if (!names.add(ruleName)) {
                throw new InvalidCell(i + 1, name, "name", "another row is already named '" + ruleName
                        + "'; every row needs its own name");
            }
            checked.add(new TableRow(name, cells));
        }
        tableRule.accept(checked);
        return checked;
    }

    /** The name a row's rule carries, thresholds filled in ("Active users down 20% or more"). */
    public String ruleName(TableRow row) {
        return fillThresholds(row.name(), row.cells());
    }

    /** Checks the rows, then turns them into DRL through the developer's template. */
    public String toDrl(List<TableRow> rows) {
        return toDrl(rows, null);
    }

    /**
     * Checks the rows, then turns them into DRL through a template text a rule developer saved as a version (null:
     * the template in rules/). A template that the template compiler cannot read is refused with its message.
     */
    public String toDrl(List<TableRow> rows, String templateText) {
        List<TableRow> checked = check(rows);
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            TableRow row = checked.get(i);
            Map<String, Object> values = new HashMap<>(templateValues.apply(row.cells()));
            values.put("ruleName", drlString(ruleName(row)));
            values.put("salience", String.valueOf(checked.size() - i));
            if (row.cells().containsKey("reason")) {
                values.put("reason", Sentence.encode(fillThresholds(row.cells().get("reason"), row.cells())));
            }
            data.add(values);
        }
        try (InputStream template = templateText == null ? templateText()
                : new ByteArrayInputStream(templateText.getBytes(StandardCharsets.UTF_8))) {
            return new ObjectDataCompiler().compile(data, template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (templateText == null) {
                throw e;
            }
            throw new IllegalArgumentException("the template cannot be read: " + e.getMessage(), e);
        }
    }

    /** The version-1 table: {@code rules/<name>.csv}, a header of column keys (first "name"), one rule per line. */
    public List<TableRow> seedRows() {
        try (InputStream in = resource(".csv");
             Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            List<TableRow> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                Map<String, String> cells = new LinkedHashMap<>(record.toMap());
                String name = cells.remove("name");
                rows.add(new TableRow(name, cells));
            }
            return check(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules/" + ruleSet + ".csv", e);
        }
    }

    /** The developer's template text, as kept in rules/. */
    public String template() {
        try (InputStream in = templateText()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream templateText() throws IOException {
        return resource(".drt");
    }

    private InputStream resource(String extension) throws IOException {
        InputStream in = RuleTemplate.class.getClassLoader().getResourceAsStream("rules/" + ruleSet + extension);
        if (in == null) {
            throw new IOException("rules/" + ruleSet + extension + " is missing");
        }
        return new ByteArrayInputStream(in.readAllBytes());
    }

    private String fillThresholds(String text, Map<String, String> cells) {
        return text == null ? null : Sentence.fill(text, key -> {
            var render = thresholdText.get(key);
            return render == null ? null : render.apply(cells);
        });
    }

    /** A DRL string body: the only characters with meaning inside "…" are the quote and the backslash. */
    static String drlString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
