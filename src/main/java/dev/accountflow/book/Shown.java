package dev.accountflow.book;

import dev.accountflow.money.Money;
import dev.accountflow.money.SalesDates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Money, dates and words as the pages show them. */
final class Shown {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private Shown() {
    }

    static String money(BigDecimal amount) {
        return amount == null ? "—" : Money.format(amount);
    }

    static String date(LocalDate date) {
        return date == null ? "—" : SalesDates.format(date);
    }

    static String date(Instant instant) {
        return instant == null ? "—" : SalesDates.format(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    static String dateTime(Instant instant) {
        return instant == null ? "—" : date(instant) + ", " + TIME.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }

    /** {@code EXECUTIVE_SPONSOR} → {@code Executive sponsor}. */
    static String words(Object constant) {
        if (constant == null) {
            return "—";
        }
        String text = constant.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String daysLeft(Long days) {
        if (days == null) {
            return "—";
        }
        if (days < 0) {
            return "ended " + (-days) + (days == -1 ? " day ago" : " days ago");
        }
        return days + (days == 1 ? " day" : " days");
    }
}
