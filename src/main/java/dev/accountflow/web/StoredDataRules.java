package dev.accountflow.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the database refused, told in the API's words: a unique key already taken is a 409, a value the column cannot
 * hold is a 400, each naming the field (read from the database's message; a derived "..._key" column names the field
 * it is derived from). The database's own message is logged, never answered.
 */
@Component
class StoredDataRules {

    private static final Logger log = LoggerFactory.getLogger(StoredDataRules.class);
    // PostgreSQL: Key (name_key)=(...) / column "name"; H2: PUBLIC.ACCOUNT(NAME_KEY ...) / column "NAME"
    private static final List<Pattern> COLUMN = List.of(
            Pattern.compile("Key \\(([A-Za-z_]+)\\)="),
            Pattern.compile("column \"([A-Za-z_]+)\"", Pattern.CASE_INSENSITIVE),
            Pattern.compile("ON [A-Za-z_]+\\.[A-Za-z_]+\\(([A-Za-z_]+)"));

    ResponseEntity<ApiError> refusal(DataIntegrityViolationException e) {
        String state = sqlState(e);
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        String field = field(message);
        log.info("Refused by the database (SQL state {}): {}", state, message);
        if ("23505".equals(state)) {
            return ApiErrorHandler.answer(HttpStatus.CONFLICT, field + " is already taken", List.of(field + ": already taken"));
        }
        if ("23503".equals(state)) {
            return ApiErrorHandler.answer(HttpStatus.CONFLICT, "The record it refers to is missing or still in use",
                    List.of(field + ": refers to a missing record or is still referred to"));
        }
        if (state != null && (state.startsWith("22") || state.equals("23502") || state.equals("23514"))) {
            return ApiErrorHandler.answer(HttpStatus.BAD_REQUEST, "Invalid request: " + field + ": cannot be stored",
                    List.of(field + ": " + why(state)));
        }
        return ApiErrorHandler.answer(HttpStatus.CONFLICT, "The request conflicts with stored data",
                List.of(field + ": conflicts with stored data"));
    }

    private static String why(String state) {
        return switch (state) {
            case "23502" -> "is required";
            case "22001" -> "is too long";
            case "22003" -> "is out of range";
            case "22007", "22008" -> "is not a storable date";
            default -> "is not a storable value";
        };
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    static String field(String message) {
        for (Pattern pattern : COLUMN) {
            Matcher matcher = pattern.matcher(message);
            if (matcher.find()) {
                String column = matcher.group(1).toLowerCase(Locale.ROOT).replaceFirst("_key$", "");
                return Pattern.compile("_([a-z])").matcher(column).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
            }
        }
        return "a field";
    }
}
