package dev.accountflow.dataloader;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of one row, read and checked: each problem is added with the row, the Salesforce Id and the column,
 * and the reader goes on so one pass finds every problem of the row.
 */
final class RowReader {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    private final CsvRows.Row row;
    private final Problems problems;
    private final String shownId;
    private final int maxFieldChars;
    private boolean bad;

    RowReader(CsvRows.Row row, Problems problems, int maxFieldChars) {
        this.row = row;
        this.problems = problems;
        this.maxFieldChars = maxFieldChars;
        this.shownId = row.get(Columns.ID);
    }

    long number() {
        return row.number();
    }

    String shownId() {
        return shownId;
    }

    boolean bad() {
        return bad;
    }

    void problem(String column, String what) {
        bad = true;
        problems.add(row.number(), shownId, column, what);
    }

    /** Plain text (no control characters), at most max characters; "" becomes null unless required. */
    String text(String column, int max, boolean required) {
        String value = row.get(column);
        if (value.length() > maxFieldChars) {
            problem(column, String.format(Locale.ROOT, "%,d characters; a field holds at most %,d", value.length(),
                    maxFieldChars));
            return null;
        }
        if (value.isEmpty()) {
            if (required) {
                problem(column, "is required");
            }
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            problem(column, "holds control characters or line breaks");
            return null;
        }
        if (value.length() > max) {
            problem(column, "longer than " + max + " characters");
            return null;
        }
        return value;
    }

    /** A Salesforce Id (15 or 18 characters), kept in its 18-character form. */
    String salesforceId(String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        String id = SalesforceId.normalize(value);
        if (id == null) {
            problem(column, "'" + shown(value) + "' is not a Salesforce Id (15 or 18 letters and digits)");
        }
        return id;
    }

    LocalDate date(String column, boolean required) {
        String value = row.get(column);
        if (value.isEmpty()) {
            if (required) {
                problem(column, "is required");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                problem(column, "'" + shown(value) + "' is outside 1900–2200");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problem(column, "'" + shown(value) + "' is not a date (yyyy-mm-dd, e.g. 2027-01-04)");
            return null;
        }
    }

    /** Money: a plain decimal (Data Loader writes 250000.0), at least zero or above zero, with at most 2 decimals. */
    BigDecimal money(String column, boolean positive) {
        String value = row.get(column);
        if (value.isEmpty()) {
            problem(column, "is required");
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            problem(column, "'" + shown(value) + "' is not a number (write 702400.00, no currency sign or separators)");
            return null;
        }
        if (amount.signum() < 0 || (positive && amount.signum() == 0)) {
            problem(column, "'" + shown(value) + "' must be " + (positive ? "above zero" : "zero or more"));
            return null;
        }
        if (amount.compareTo(new BigDecimal("1000000000000")) > 0) {
            problem(column, "'" + shown(value) + "' is more than 1,000,000,000,000");
            return null;
        }
        BigDecimal cents = amount.stripTrailingZeros();
        if (cents.scale() > 2) {
            problem(column, "'" + shown(value) + "' has more than 2 decimals");
            return null;
        }
        return amount.setScale(2);
    }

    /** A whole number between min and max; Data Loader writes percentages as 70.0. */
    Integer whole(String column, int min, int max) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(min)) < 0
                    || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                problem(column, "'" + shown(value) + "' must be a whole number from " + min + " to " + max);
                return null;
            }
            return number.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problem(column, "'" + shown(value) + "' is not a number");
            return null;
        }
    }

    /** One of the values a column knows (labels compared ignoring case, spaces and underscores). */
    <E> E oneOf(String column, Map<String, E> byLabel, String allowed, boolean required) {
        String value = row.get(column);
        if (value.isEmpty()) {
            if (required) {
                problem(column, "is required (one of " + allowed + ")");
            }
            return null;
        }
        E known = byLabel.get(label(value));
        if (known == null) {
            problem(column, "'" + shown(value) + "' is not one of " + allowed);
        }
        return known;
    }

    static String label(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ");
    }

    /** Labels of an enum: its names with spaces ("Closed Won", "CLOSED_WON"), plus any extra spellings. */
    static <E extends Enum<E>> Map<String, E> labels(Class<E> type, Map<String, E> extra) {
        Map<String, E> labels = Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toMap(e -> label(e.name()), Function.identity()));
        extra.forEach((k, v) -> labels.put(label(k), v));
        return labels;
    }

    /** "Closed Won" for CLOSED_WON: how Salesforce picklists spell values. */
    static String picklist(Enum<?> value) {
        if (value == null) {
            return "";
        }
        return Arrays.stream(value.name().split("_"))
                .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
    }

    static String shown(String value) {
        String visible = value.codePoints().limit(60)
                .mapToObj(cp -> Character.isISOControl(cp) ? String.format("\\u%04X", cp) : Character.toString(cp))
                .collect(Collectors.joining());
        return value.codePointCount(0, value.length()) > 60 ? visible + "…" : visible;
    }
}
