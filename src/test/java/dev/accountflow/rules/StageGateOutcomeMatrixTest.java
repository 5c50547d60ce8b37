package dev.accountflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which discounts need approval for every opportunity type, tier and ARR, on either side of each limit: the
 * outcome any rewrite of the stage-gate rules (a table included) must keep.
 */
class StageGateOutcomeMatrixTest {

    private static RuleBook rules;

    @BeforeAll
    static void loadRules() {
        rules = new RuleBook(new RuleCompiler());
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (String type : List.of("RENEWAL", "EXPANSION", "NEW_BUSINESS")) {
            for (String tier : List.of("STRATEGIC", "ENTERPRISE", "GROWTH")) {
                for (double arr : List.of(40_000.0, 250_000.0, 2_000_000.0)) {
                    for (double discount : List.of(0.0, 10.0, 10.1, 15.0, 15.1, 40.0)) {
                        all.add(Arguments.of(type, tier, arr, discount));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} arr={2} discount={3}%")
    @MethodSource("everyCombination")
    void needsApprovalAsTheRulesSay(String type, String tier, double arr, double discountPct) {
        DiscountDecision decision = rules.checkDiscount(new DiscountFacts(type, tier, arr, discountPct)).decision();

        boolean renewalLimit = !type.equals("NEW_BUSINESS") && discountPct > 15.0;
        boolean growthLimit = tier.equals("GROWTH") && discountPct > 10.0;
        boolean needed = renewalLimit || growthLimit;

        assertThat(decision.isApprovalRequired()).as("approval required").isEqualTo(needed);
        if (needed) {
            assertThat(decision.getApproverGroup()).isEqualTo("sales-managers");
            assertThat(decision.getReason()).startsWith("Discount of ").contains(" is above the 1");
        } else {
            assertThat(decision.getApproverGroup()).isNull();
            assertThat(decision.getReason()).isNull();
        }
    }
}
