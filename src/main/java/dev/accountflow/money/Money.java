package dev.accountflow.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amounts as the sales team types and reads them: {@code 702,400}, {@code 702400} and {@code $702,400.00} all mean
 * 702,400; shown as {@code $702,400} (cents only when there are some). Stored with two decimals, never rounded.
 */
public final class Money {

    /** The same rule as the forms' validation pattern: optional $, digits with or without thousands commas, ≤ 2 decimals. */
    public static final String PATTERN = "^\\s*\\$?\\s*(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?\\s*$";
    private static final Pattern AMOUNT = Pattern.compile(PATTERN);
    private static final BigDecimal LIMIT = new BigDecimal("100000000000000000");

    private Money() {
    }

    /** The amount typed, or empty when it is not one; a number from the Java API is taken as it is. */
    public static Optional<BigDecimal> parse(Object typed) {
        if (typed instanceof BigDecimal d) {
            return exact(d);
        }
        if (typed instanceof Integer || typed instanceof Long) {
            return exact(BigDecimal.valueOf(((Number) typed).longValue()));
        }
        if (typed instanceof Number n) {
            return Double.isFinite(n.doubleValue()) ? exact(BigDecimal.valueOf(n.doubleValue())) : Optional.empty();
        }
        if (typed == null || !AMOUNT.matcher(typed.toString()).matches()) {
            return Optional.empty();
        }
        return exact(new BigDecimal(typed.toString().replaceAll("[\\s$,]", "")));
    }

    /** Like {@link #parse} but says what is wrong, naming the field. */
    public static BigDecimal require(String field, Object typed) {
        return parse(typed).orElseThrow(() -> new IllegalArgumentException(problem(field, typed)));
    }

    /** What to tell whoever typed an amount that is not one. */
    public static String problem(String field, Object typed) {
        return field + ": '" + typed + "' is not an amount; type it like 702,400 or $702,400.00 (at most 2 decimals)";
    }

    /** {@code $878,000}, or {@code $878,000.50} when there are cents. */
    public static String format(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat(
                amount.stripTrailingZeros().scale() > 0 ? "$#,##0.00" : "$#,##0", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        String text = format.format(amount.abs());
        return amount.signum() < 0 ? "-" + text : text;
    }

    public static String format(double amount) {
        return format(BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP));
    }

    private static Optional<BigDecimal> exact(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() > 2 || value.signum() < 0 || value.abs().compareTo(LIMIT) >= 0) {
            return Optional.empty();
        }
        return Optional.of(value.setScale(2, RoundingMode.UNNECESSARY));
    }
}
