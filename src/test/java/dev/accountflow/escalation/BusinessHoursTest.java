package dev.accountflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The SLA clock: Monday to Friday, 09:00 to 17:00 UTC; nights and weekends do not count. */
class BusinessHoursTest {

    @Test
    void hoursRunWithinTheBusinessDayAndCarryOverNightsAndWeekends() {
        // Wednesday 10:00 + 4 hours
        assertThat(BusinessHours.plusHours(at("2026-12-02T10:00:00Z"), 4)).isEqualTo(at("2026-12-02T14:00:00Z"));
        // Wednesday 15:00 + 4 hours: 2 today, 2 tomorrow
        assertThat(BusinessHours.plusHours(at("2026-12-02T15:00:00Z"), 4)).isEqualTo(at("2026-12-03T11:00:00Z"));
        // Friday 15:00 + 4 hours: Monday 11:00
        assertThat(BusinessHours.plusHours(at("2026-12-04T15:00:00Z"), 4)).isEqualTo(at("2026-12-07T11:00:00Z"));
        // raised on Saturday night: the clock starts Monday 09:00
        assertThat(BusinessHours.plusHours(at("2026-12-05T22:00:00Z"), 8)).isEqualTo(at("2026-12-07T17:00:00Z"));
        // raised before opening: counts from 09:00
        assertThat(BusinessHours.plusHours(at("2026-12-02T06:30:00Z"), 1)).isEqualTo(at("2026-12-02T10:00:00Z"));
    }

    @Test
    void businessDaysAreEightBusinessHours() {
        assertThat(BusinessHours.plusDays(at("2026-12-04T15:00:00Z"), 2)).isEqualTo(at("2026-12-08T15:00:00Z"));
        assertThat(BusinessHours.plusDays(at("2026-12-02T09:00:00Z"), 1)).isEqualTo(at("2026-12-02T17:00:00Z"));
    }

    @Test
    void hoursBetweenCountOnlyBusinessHours() {
        assertThat(BusinessHours.between(at("2026-12-04T15:00:00Z"), at("2026-12-07T11:00:00Z")))
                .isEqualByComparingTo("4");
        assertThat(BusinessHours.between(at("2026-12-02T10:00:00Z"), at("2026-12-02T10:30:00Z")))
                .isEqualByComparingTo("0.5");
        assertThat(BusinessHours.between(at("2026-12-05T10:00:00Z"), at("2026-12-06T10:00:00Z")))
                .as("a weekend").isEqualByComparingTo("0");
        assertThat(BusinessHours.between(at("2026-12-07T11:00:00Z"), at("2026-12-04T15:00:00Z")))
                .as("backwards").isEqualByComparingTo("0");
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }
}
