package dev.accountflow.money;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people read them in forms and mails: {@code 4 Jan 2027}. */
public final class SalesDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private SalesDates() {
    }

    public static String format(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }
}
