package dev.accountflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The demo generator names a book of any size without two accounts sharing a name (names ignore case). */
class DemoPortfolioNamesTest {

    @Test
    void aBookOf100000AccountsHasNoTwoAccountsWithTheSameName() {
        Set<String> names = new HashSet<>();
        IntStream.range(0, 100_000).mapToObj(DemoPortfolio::name)
                .forEach(name -> assertThat(names.add(name.toLowerCase(Locale.ROOT))).as(name).isTrue());
    }

    @Test
    void theFirstRoundKeepsThePlainNamesTheDemoBookHadAndLaterRoundsCountOn() {
        assertThat(DemoPortfolio.name(0)).isEqualTo("Harbor Health System");
        assertThat(DemoPortfolio.name(239)).doesNotMatch(".*\\d$");
        assertThat(DemoPortfolio.name(240)).isEqualTo("Harbor Health System 2");
        assertThat(DemoPortfolio.name(99_999)).endsWith(" 417");
    }
}
