package dev.accountflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StageGateRulesTest {

    private static final String RENEWAL_LIMIT = "Renewal and expansion discounts above 15% need a sales manager's approval";
    private static final String GROWTH_LIMIT = "Growth-tier discounts above 10% need a sales manager's approval";

    private static RuleBook rules;

    @BeforeAll
    static void loadRules() {
        rules = new RuleBook(new RuleCompiler());
    }

    @Test
    void renewalDiscountOf15PercentNeedsNoApproval() {
        Decided<DiscountDecision> decided = rules.checkDiscount(new DiscountFacts("RENEWAL", "ENTERPRISE", 200_000, 15.0));

        assertThat(decided.decision().isApprovalRequired()).isFalse();
        assertThat(decided.decision().getApproverGroup()).isNull();
        assertThat(decided.run().rulesFired()).isEmpty();
    }

    @Test
    void renewalDiscountOf15Point1PercentNeedsSalesManagerApproval() {
        Decided<DiscountDecision> decided = rules.checkDiscount(new DiscountFacts("RENEWAL", "ENTERPRISE", 200_000, 15.1));

        assertThat(decided.decision().isApprovalRequired()).isTrue();
        assertThat(decided.decision().getApproverGroup()).isEqualTo("sales-managers");
        assertThat(decided.decision().getReason()).isEqualTo("Discount of 15.1% on this renewal is above the 15% limit.");
        assertThat(decided.run().rulesFired()).containsExactly(RENEWAL_LIMIT);
    }

    @Test
    void expansionDiscountAbove15PercentNeedsApproval() {
        DiscountDecision decision = rules.checkDiscount(new DiscountFacts("EXPANSION", "STRATEGIC", 90_000, 20)).decision();

        assertThat(decision.isApprovalRequired()).isTrue();
        assertThat(decision.getReason()).isEqualTo("Discount of 20% on this expansion is above the 15% limit.");
    }

    @Test
    void newBusinessDiscountOnAnEnterpriseAccountIsNotGated() {
        assertThat(rules.checkDiscount(new DiscountFacts("NEW_BUSINESS", "ENTERPRISE", 90_000, 20)).decision()
                .isApprovalRequired()).isFalse();
    }

    @Test
    void growthTierDiscountOf10Point5PercentNeedsApproval() {
        Decided<DiscountDecision> decided = rules.checkDiscount(new DiscountFacts("NEW_BUSINESS", "GROWTH", 40_000, 10.5));

        assertThat(decided.decision().isApprovalRequired()).isTrue();
        assertThat(decided.decision().getApproverGroup()).isEqualTo("sales-managers");
        assertThat(decided.decision().getReason())
                .isEqualTo("Discount of 10.5% for a growth-tier account is above the 10% limit.");
        assertThat(decided.run().rulesFired()).containsExactly(GROWTH_LIMIT);
    }

    @Test
    void growthTierDiscountOf10PercentNeedsNoApproval() {
        assertThat(rules.checkDiscount(new DiscountFacts("RENEWAL", "GROWTH", 40_000, 10)).decision()
                .isApprovalRequired()).isFalse();
    }

    @Test
    void growthRenewalAbove15PercentGivesBothReasons() {
        Decided<DiscountDecision> decided = rules.checkDiscount(new DiscountFacts("RENEWAL", "GROWTH", 40_000, 18));

        assertThat(decided.decision().getReason())
                .contains("Discount of 18% on this renewal is above the 15% limit.")
                .contains("Discount of 18% for a growth-tier account is above the 10% limit.");
        assertThat(decided.run().rulesFired()).containsExactlyInAnyOrder(RENEWAL_LIMIT, GROWTH_LIMIT);
    }
}
