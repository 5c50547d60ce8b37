package dev.accountflow.escalation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The clock an escalation's SLA runs on: Monday to Friday, 09:00 to 17:00 UTC (8 business hours a business day).
 * Outside those hours the clock stands still, so an S1 raised on Friday evening is due on Monday morning.
 */
final class BusinessHours {

    static final LocalTime OPENS = LocalTime.of(9, 0);
    static final LocalTime CLOSES = LocalTime.of(17, 0);
    static final int HOURS_A_DAY = 8;

    private BusinessHours() {
    }

    /** The instant {@code minutes} business minutes after {@code from}. */
    static Instant plusMinutes(Instant from, long minutes) {
        LocalDateTime at = nextOpen(LocalDateTime.ofInstant(from, ZoneOffset.UTC));
        long left = minutes;
        while (left > 0) {
            long today = Duration.between(at, at.toLocalDate().atTime(CLOSES)).toMinutes();
            if (left <= today) {
                at = at.plusMinutes(left);
                left = 0;
            } else {
                left -= today;
                at = nextOpen(at.toLocalDate().plusDays(1).atTime(OPENS));
            }
        }
        return at.toInstant(ZoneOffset.UTC);
    }

    static Instant plusHours(Instant from, int hours) {
        return plusMinutes(from, hours * 60L);
    }

    static Instant plusDays(Instant from, int businessDays) {
        return plusHours(from, businessDays * HOURS_A_DAY);
    }

    /** Business hours between two instants, to two decimals (0 when {@code to} is not after {@code from}). */
    static BigDecimal between(Instant from, Instant to) {
        long minutes = 0;
        LocalDateTime at = nextOpen(LocalDateTime.ofInstant(from, ZoneOffset.UTC));
        LocalDateTime end = LocalDateTime.ofInstant(to, ZoneOffset.UTC);
        while (at.isBefore(end)) {
            LocalDateTime closes = at.toLocalDate().atTime(CLOSES);
            LocalDateTime until = end.isBefore(closes) ? end : closes;
            minutes += Duration.between(at, until).toMinutes();
            at = nextOpen(at.toLocalDate().plusDays(1).atTime(OPENS));
        }
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    // the same moment if the business day is running, else the next opening
    private static LocalDateTime nextOpen(LocalDateTime at) {
        LocalDateTime t = at;
        if (!t.toLocalTime().isBefore(CLOSES)) {
            t = t.toLocalDate().plusDays(1).atTime(OPENS);
        }
        if (t.toLocalTime().isBefore(OPENS)) {
            t = t.toLocalDate().atTime(OPENS);
        }
        while (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) {
            t = t.toLocalDate().plusDays(1).atTime(OPENS);
        }
        return t;
    }
}
