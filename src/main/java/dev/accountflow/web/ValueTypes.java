package dev.accountflow.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a field expects, in the words of the person who typed the value (not Java's type names). */
public final class ValueTypes {

    private ValueTypes() {
    }

    /** "is not a date: write YYYY-MM-DD, e.g. 2027-01-04" and the like, for a value that did not read as {@code type}. */
    public static String notA(Class<?> type) {
        if (type == null) {
            return "is not a usable value";
        }
        if (type.isEnum()) {
            return "is not one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "is not a date: write YYYY-MM-DD, e.g. 2027-01-04";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "is not a date and time: write e.g. 2027-01-04T09:00:00Z";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "is not a number: write digits with an optional decimal point, e.g. 702400.00";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "is not a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "is not true or false";
        }
        return "is not a valid " + type.getSimpleName();
    }
}
