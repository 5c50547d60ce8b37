package dev.accountflow.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One typed column of a rule table. A cell is data only: {@link #check} turns what a person typed into its one
 * canonical text (or says what the column accepts), and only canonical text ever reaches the rule template.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TableColumn(String key, String label, Type type, boolean required, List<String> values, BigDecimal min,
                          BigDecimal max, String rule) {

    /** The kinds of cell a sales manager fills in. */
    public enum Type { INTEGER, DECIMAL, YES_NO, ENUM, SENTENCE }

    static final int MAX_SENTENCE = 300;

    static TableColumn integer(String key, String label, int min, int max) {
        return new TableColumn(key, label, Type.INTEGER, false, null, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
                "a whole number" + describe(BigDecimal.valueOf(min), BigDecimal.valueOf(max), label));
    }

    static TableColumn decimal(String key, String label, String min, String max) {
        return new TableColumn(key, label, Type.DECIMAL, false, null, new BigDecimal(min), new BigDecimal(max),
                "a number from " + min + " to " + max + ", at most 2 decimals");
    }

    static TableColumn yesNo(String key, String label) {
        return new TableColumn(key, label, Type.YES_NO, false, List.of("yes", "no"), null, null, "yes, no or blank for any");
    }

    static TableColumn choice(String key, String label, List<String> values) {
        return new TableColumn(key, label, Type.ENUM, true, values, null, null, "one of " + String.join(", ", values));
    }

    static TableColumn sentence(String key, String label, List<String> placeholders) {
        return new TableColumn(key, label, Type.SENTENCE, true, placeholders, null, null,
                "a sentence of at most " + MAX_SENTENCE + " characters; placeholders: "
                        + String.join(" ", placeholders.stream().map(p -> "{" + p + "}").toList()));
    }

    private static String describe(BigDecimal min, BigDecimal max, String label) {
        String unit = label.toLowerCase(Locale.ROOT).contains("days") ? " of days" : "";
        return unit + ", " + min.toPlainString() + "–" + max.toPlainString();
    }

    /**
     * The canonical text of a cell, or {@code null} for blank (which means "any"); throws with the column's rule
     * when the cell does not fit.
     */
    String check(Object raw) {
        String text = raw == null ? "" : String.valueOf(raw).strip();
        if (text.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException("is required: " + rule);
            }
            return null;
        }
        return switch (type) {
            case INTEGER, DECIMAL -> number(text);
            case YES_NO -> yesNo(text);
            case ENUM -> {
                String upper = text.toUpperCase(Locale.ROOT);
                if (!values.contains(upper)) {
                    throw new IllegalArgumentException("'" + shorten(text) + "' is not " + rule);
                }
                yield upper;
            }
            case SENTENCE -> Sentence.check(text, MAX_SENTENCE, values);
        };
    }

    private String number(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.replace('−', '-').replace("%", "").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is not " + rule);
        }
        if (type == Type.INTEGER) {
            try {
                value = value.stripTrailingZeros();
                value = new BigDecimal(value.toBigIntegerExact());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("'" + shorten(text) + "' is not " + rule);
            }
        } else if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is not " + rule);
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(value.toPlainString() + " is out of range: " + rule);
        }
        if (type == Type.DECIMAL && value.scale() < 1) {
            value = value.setScale(1);
        }
        return value.toPlainString();
    }

    private String yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true" -> "yes";
            case "no", "n", "false" -> "no";
            default -> throw new IllegalArgumentException("'" + shorten(text) + "' is not " + rule);
        };
    }

    static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
