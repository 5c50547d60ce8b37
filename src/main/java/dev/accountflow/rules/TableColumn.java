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
    public enum Type { INTEGER, DECIMAL, YES_NO, ENUM, SENTENCE, MONEY, NAMES, ASSIGNEE }

    static final int MAX_SENTENCE = 300;
    static final int MAX_NAMES = 20;
    /** What a task key, process key, territory, group or user id may look like: a name, never an expression. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
    /** The account's own owner, in an assignee cell. */
    static final String OWNER = "owner";
    /** The group another table chose for the task (feature-routing picks a product area's group). */
    static final String ROUTED = "routed";

    public static TableColumn integer(String key, String label, int min, int max) {
        return new TableColumn(key, label, Type.INTEGER, false, null, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
                "a whole number" + describe(BigDecimal.valueOf(min), BigDecimal.valueOf(max), label));
    }

    public static TableColumn decimal(String key, String label, String min, String max) {
        return new TableColumn(key, label, Type.DECIMAL, false, null, new BigDecimal(min), new BigDecimal(max),
                "a number from " + min + " to " + max + ", at most 2 decimals");
    }

    public static TableColumn yesNo(String key, String label) {
        return new TableColumn(key, label, Type.YES_NO, false, List.of("yes", "no"), null, null, "yes, no or blank for any");
    }

    public static TableColumn choice(String key, String label, List<String> values) {
        return new TableColumn(key, label, Type.ENUM, true, values, null, null, "one of " + String.join(", ", values));
    }

    /** Like {@link #choice}, but blank means "any". */
    public static TableColumn anyOf(String key, String label, List<String> values) {
        return new TableColumn(key, label, Type.ENUM, false, values, null, null,
                "one of " + String.join(", ", values) + ", or blank for any");
    }

    /** Whole dollars as people type them (180,000 or $180,000); kept as they read ($180,000). */
    public static TableColumn money(String key, String label) {
        return new TableColumn(key, label, Type.MONEY, false, null, BigDecimal.ZERO, new BigDecimal("1000000000000"),
                "an amount in whole dollars like 180,000 or $180,000, up to $1,000,000,000,000");
    }

    /** One or more names (task keys, territories) separated by commas; upper-cased when {@code upper}. */
    static TableColumn names(String key, String label, String example) {
        return new TableColumn(key, label, Type.NAMES, false, null, null, null,
                "one or more names separated by commas, like " + example + " (letters, digits, _ . -), or blank for any");
    }

    /** Who gets the task: the account's owner, one of the team's groups, or a user id. */
    static TableColumn assignee(String key, String label, List<String> groups) {
        List<String> values = java.util.stream.Stream.concat(java.util.stream.Stream.of(OWNER, ROUTED), groups.stream()).toList();
        return new TableColumn(key, label, Type.ASSIGNEE, false, values, null, null,
                "owner (the account's owner), routed (the group the routing table chose), a group (" + String.join(", ", groups) + ") or a user id like amy");
    }

    public static TableColumn sentence(String key, String label, List<String> placeholders) {
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
            case ENUM -> values.stream().filter(v -> v.equalsIgnoreCase(text)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + shorten(text) + "' is not " + rule));
            case SENTENCE -> Sentence.check(text, MAX_SENTENCE, values);
            case MONEY -> money(text);
            case NAMES -> names(text);
            case ASSIGNEE -> {
                if (!NAME.matcher(text).matches()) {
                    throw new IllegalArgumentException("'" + shorten(text) + "' is not " + rule);
                }
                yield values.contains(text.toLowerCase(Locale.ROOT)) ? text.toLowerCase(Locale.ROOT) : text;
            }
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

    private String money(String text) {
        BigDecimal amount = dev.accountflow.money.Money.parse(text)
                .orElseThrow(() -> new IllegalArgumentException("'" + shorten(text) + "' is not " + rule));
        if (amount.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is not " + rule);
        }
        if (amount.compareTo(max) > 0) {
            throw new IllegalArgumentException(dev.accountflow.money.Money.format(amount) + " is out of range: " + rule);
        }
        return dev.accountflow.money.Money.format(amount);
    }

    private String names(String text) {
        List<String> names = java.util.Arrays.stream(text.split(",")).map(String::strip).toList();
        if (names.size() > MAX_NAMES) {
            throw new IllegalArgumentException("at most " + MAX_NAMES + " names (" + names.size() + ")");
        }
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + shorten(name) + "' is not a name: " + rule);
            }
        }
        return String.join(", ", names);
    }

    /** Whole dollars of a money cell's canonical text ("$180,000" → 180000). */
    static String dollars(String canonical) {
        return dev.accountflow.money.Money.require("amount", canonical).toBigInteger().toString();
    }

    /** A names cell as a DRL list of string literals: its names are letters, digits and _ . - only. */
    static String drlNames(String canonical) {
        return String.join(", ", java.util.Arrays.stream(canonical.split(",\\s*")).map(n -> "\"" + n + "\"").toList());
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
