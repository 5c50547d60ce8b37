package dev.accountflow.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SalesDatesTest {

    @Test
    void daysAndMonthsReadAsPeopleWriteThem() {
        assertThat(SalesDates.format(LocalDate.of(2027, 1, 4))).isEqualTo("4 Jan 2027");
        assertThat(SalesDates.month("2026-12")).isEqualTo("Dec 2026");
        assertThat(SalesDates.month("2027-01")).isEqualTo("Jan 2027");
    }

    @Test
    void aMonthThatIsNotOneIsShownAsItCameAndNothingAsNothing() {
        assertThat(SalesDates.month("2026-13")).isEqualTo("2026-13");
        assertThat(SalesDates.month(null)).isEmpty();
        assertThat(SalesDates.format(null)).isEmpty();
    }
}
