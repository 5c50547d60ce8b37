package dev.accountflow.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.rules.TableRow;
import java.util.List;

/** Table rows as stored beside a version's DRL. */
final class TableRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TableRows() {
    }

    static String write(List<TableRow> rows) {
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<TableRow> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<TableRow>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored table rows cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
