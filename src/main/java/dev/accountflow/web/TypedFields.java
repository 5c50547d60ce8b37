package dev.accountflow.web;

import java.util.List;
import java.util.Map;

/**
 * Text fields of a form as people type them (a page, Tasklist's start form): trimmed, refused naming the field when
 * required and empty, too long, or holding control characters. Each problem is added to the caller's list.
 */
public final class TypedFields {

    private TypedFields() {
    }

    /** A one-line field (a name, an id): no control characters or line breaks; null when empty or refused. */
    public static String line(Map<String, ?> fields, String field, int max, boolean required, List<String> problems) {
        return text(fields, field, max, required, true, problems);
    }

    /** A text that may run over several lines (a description): no control characters but line breaks and tabs. */
    public static String lines(Map<String, ?> fields, String field, int max, boolean required, List<String> problems) {
        return text(fields, field, max, required, false, problems);
    }

    /**
     * One of an enum's names as typed (a select's value): null when empty (a problem if required) or not one of them;
     * the problem names the field and the values it takes.
     */
    public static <E extends Enum<E>> E choice(Map<String, ?> fields, String field, Class<E> type, boolean required,
                                               List<String> problems) {
        Object value = fields.get(field);
        String typed = value == null ? "" : value.toString().strip();
        String names = String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        if (typed.isEmpty()) {
            if (required) {
                problems.add(field + ": pick one of " + names);
            }
            return null;
        }
        try {
            return Enum.valueOf(type, typed);
        } catch (IllegalArgumentException e) {
            problems.add(field + ": '" + (typed.length() > 40 ? typed.substring(0, 40) + "…" : typed)
                    + "' is not one of " + names);
            return null;
        }
    }

    private static String text(Map<String, ?> fields, String field, int max, boolean required, boolean oneLine,
                               List<String> problems) {
        Object value = fields.get(field);
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            if (required) {
                problems.add(field + ": is required");
            }
            return null;
        }
        if (text.length() > max) {
            problems.add(field + ": at most " + String.format("%,d", max) + " characters");
            return null;
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && (oneLine || c != '\n' && c != '\r' && c != '\t'))) {
            problems.add(field + (oneLine ? ": must not hold control characters or line breaks"
                    : ": must not hold control characters"));
            return null;
        }
        return text;
    }
}
