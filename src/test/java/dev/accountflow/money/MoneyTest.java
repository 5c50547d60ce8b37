package dev.accountflow.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Amounts as reps type them, and as forms, mails and messages show them. */
class MoneyTest {

    @ParameterizedTest
    @ValueSource(strings = {"702,400", "702400", "$702,400.00", " $ 702,400 ", "702400.0"})
    void everyWayOfTypingSevenHundredTwoThousandFourHundredMeansIt(String typed) {
        assertThat(Money.parse(typed)).hasValueSatisfying(amount -> assertThat(amount).isEqualByComparingTo("702400"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"702.400,00", "702,40", "7,02,400", "702400.123", "-5", "abc", "", "$", "1e6", "70 2400"})
    void anythingElseIsRefusedNotGuessed(String typed) {
        assertThat(Money.parse(typed)).as(typed).isEmpty();
    }

    @Test
    void numbersFromTheJavaApiKeepTheirValueAndMoreThanTwoDecimalsAreRefused() {
        assertThat(Money.parse(160_000)).hasValue(new BigDecimal("160000.00"));
        assertThat(Money.parse(1234.5)).hasValue(new BigDecimal("1234.50"));
        assertThat(Money.parse(0.125)).isEmpty();
        assertThat(Money.problem("proposedArr", "702.400,00")).startsWith("proposedArr: '702.400,00'").contains("702,400");
    }

    @Test
    void amountsAndDatesReadTheWayTheTeamWritesThem() {
        assertThat(Money.format(new BigDecimal("878000.00"))).isEqualTo("$878,000");
        assertThat(Money.format(new BigDecimal("702400.50"))).isEqualTo("$702,400.50");
        assertThat(Money.format(836.8)).isEqualTo("$836.80");
        assertThat(SalesDates.format(LocalDate.of(2027, 1, 4))).isEqualTo("4 Jan 2027");
        assertThat(SalesDates.format(LocalDate.of(2027, 9, 30))).isEqualTo("30 Sep 2027");
    }
}
