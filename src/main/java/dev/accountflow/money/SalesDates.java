package dev.accountflow.money;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Dates as people read them in forms and mails: {@code 4 Jan 2027}. */
public final class SalesDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private SalesDates() {
    }

    /**
     * Today in UTC by the process engine's clock: what timers, the kick-off, assignment and health rules count days
     * from, so a test that moves the engine's clock moves all of them together.
     */
    public static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    }

    public static String format(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** A month as stored ({@code 2026-12}) as people read it: {@code Dec 2026}; anything else as it came. */
    public static String month(String yearMonth) {
        if (yearMonth == null) {
            return "";
        }
        try {
            return MONTH.format(java.time.YearMonth.parse(yearMonth));
        } catch (java.time.format.DateTimeParseException e) {
            return yearMonth;
        }
    }
}
