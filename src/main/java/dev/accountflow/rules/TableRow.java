package dev.accountflow.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/** One row of a rule table: a plain name and a cell per column (blank condition = any). */
public record TableRow(String name, Map<String, String> cells) {

    public TableRow {
        cells = cells == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }
}
