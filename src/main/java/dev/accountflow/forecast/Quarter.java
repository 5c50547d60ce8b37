package dev.accountflow.forecast;

import dev.accountflow.web.ApiException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A fiscal quarter as the team writes it, "2026-Q4": calendar quarters. */
record Quarter(int year, int number) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})-Q([1-4])");

    static Quarter parse(String field, String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw ApiException.badRequest("Invalid quarter", field + ": '" + (text == null ? "" : text)
                    + "' is not a quarter; write it like 2026-Q4");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2100) {
            throw ApiException.badRequest("Invalid quarter", field + ": the year must be between 2000 and 2100");
        }
        return new Quarter(year, Integer.parseInt(m.group(2)));
    }

    static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
