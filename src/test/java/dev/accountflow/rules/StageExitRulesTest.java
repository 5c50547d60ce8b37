package dev.accountflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stage exit criteria of the stage-gates table (rules/stage-gates.csv), at their near misses. */
class StageExitRulesTest {

    private static final String SPONSOR = "No proposal before an executive sponsor was engaged in the last 30 days";
    private static final String NEVER = "No proposal before an executive sponsor was ever engaged";
    private static final String SE = "No proposal before solution engineering has contributed";
    private static final String COMPLIANCE =
            "Healthcare and financial-services deals need a compliance review before negotiation";

    private static RuleBook rules;

    @BeforeAll
    static void loadRules() {
        rules = new RuleBook(new RuleCompiler());
    }

    private static Decided<StageExitDecision> toProposal(Integer daysSinceSponsor, boolean seContributed) {
        return rules.checkStageExit(new StageExitFacts("EXPANSION", "INSURANCE", "SOLUTION_DEVELOPMENT", "PROPOSAL",
                daysSinceSponsor, seContributed, false));
    }

    @Test
    void sponsorEngaged29DaysAgoWithSolutionEngineeringPassesToProposal() {
        Decided<StageExitDecision> decided = toProposal(29, true);

        assertThat(decided.decision().isBlocked()).isFalse();
        assertThat(decided.run().rulesFired()).isEmpty();
    }

    @Test
    void sponsorEngaged30DaysAgoStillCountsAsWithinTheLast30Days() {
        assertThat(toProposal(30, true).decision().isBlocked()).isFalse();
    }

    @Test
    void sponsorEngaged31DaysAgoBlocksTheProposalWithTheDaysInTheReason() {
        Decided<StageExitDecision> decided = toProposal(31, true);

        assertThat(decided.decision().getReasons()).containsExactly(
                "The executive sponsor was last engaged 31 days ago; engage them again (within 30 days) before the proposal.");
        assertThat(decided.run().rulesFired()).containsExactly(SPONSOR);
    }

    @Test
    void sponsorEngaged29DaysAgoWithoutSolutionEngineeringIsBlockedForThatAlone() {
        Decided<StageExitDecision> decided = toProposal(29, false);

        assertThat(decided.decision().getReasons()).containsExactly(
                "Solution engineering has not contributed yet; ask for a demo or technical validation.");
        assertThat(decided.run().rulesFired()).containsExactly(SE);
    }

    @Test
    void noSponsorEverAndNoSolutionEngineeringShowsBothReasons() {
        Decided<StageExitDecision> decided = toProposal(null, false);

        assertThat(decided.decision().getReasons()).containsExactlyInAnyOrder(
                "No executive sponsor has been engaged; engage one before the proposal.",
                "Solution engineering has not contributed yet; ask for a demo or technical validation.");
        assertThat(decided.run().rulesFired()).containsExactlyInAnyOrder(NEVER, SE);
    }

    @Test
    void earlierStagesHaveNoSponsorOrSolutionEngineeringCriterion() {
        assertThat(rules.checkStageExit(new StageExitFacts("NEW_BUSINESS", "HEALTHCARE", "QUALIFY", "DISCOVER",
                null, false, false)).decision().isBlocked()).isFalse();
    }

    @Test
    void healthcareDealNeedsAComplianceReviewBeforeNegotiation() {
        Decided<StageExitDecision> without = rules.checkStageExit(new StageExitFacts("EXPANSION", "HEALTHCARE",
                "PROPOSAL", "NEGOTIATION", 5, true, false));
        Decided<StageExitDecision> with = rules.checkStageExit(new StageExitFacts("EXPANSION", "HEALTHCARE",
                "PROPOSAL", "NEGOTIATION", 5, true, true));

        assertThat(without.decision().getReasons()).containsExactly(
                "A healthcare deal needs a compliance review before negotiation.");
        assertThat(without.run().rulesFired()).containsExactly(COMPLIANCE);
        assertThat(with.decision().isBlocked()).isFalse();
    }

    @Test
    void financialServicesNeedsTheReviewButInsuranceDoesNot() {
        assertThat(rules.checkStageExit(new StageExitFacts("NEW_BUSINESS", "FINANCIAL_SERVICES", "PROPOSAL",
                "NEGOTIATION", 5, true, false)).decision().isBlocked()).isTrue();
        assertThat(rules.checkStageExit(new StageExitFacts("NEW_BUSINESS", "INSURANCE", "PROPOSAL",
                "NEGOTIATION", 5, true, false)).decision().isBlocked()).isFalse();
    }
}
