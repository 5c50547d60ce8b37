package dev.accountflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stage-gates table: discount bands asking for approval and exit criteria blocking stage moves, as rows a sales
 * manager edits; every cell checked, a threshold change renames the row and moves the cut, a hostile cell is data.
 */
class StageGatesTableTest {

    private static final RuleTemplate TABLE = RuleTemplate.of(RuleBook.STAGE_GATES).orElseThrow();
    private final CompiledRuleSet seed = new RuleCompiler().compile("stage-gates", 1, TABLE.toDrl(TABLE.seedRows()));

    @Test
    void theSeedTableNamesItsRowsWithTheirThresholds() {
        assertThat(TABLE.seedRows().stream().map(TABLE::ruleName)).contains(
                "Renewal and expansion discounts above 15% need a sales manager's approval",
                "Growth-tier discounts above 10% need a sales manager's approval",
                "No proposal before an executive sponsor was engaged in the last 30 days");
    }

    @Test
    void aManagerLoweringTheDiscountLimitTo12PercentMovesTheCutAndTheReasonFollows() {
        List<TableRow> rows = withCell(TABLE.seedRows(), 0, "discountAbove", "12");
        CompiledRuleSet edited = new RuleCompiler().compile("stage-gates", 2, TABLE.toDrl(rows));

        assertThat(TABLE.ruleName(rows.get(0))).isEqualTo("Renewal and expansion discounts above 12% need a sales manager's approval");
        StageGateDecision at12 = discount(edited, "EXPANSION", "ENTERPRISE", 12.0);
        StageGateDecision at1201 = discount(edited, "EXPANSION", "ENTERPRISE", 12.01);
        assertThat(at12.isApprovalRequired()).isFalse();
        assertThat(at1201.isApprovalRequired()).isTrue();
        assertThat(at1201.getReason()).isEqualTo("Discount of 12.01% on this expansion is above the 12% limit.");
        assertThat(at1201.getDecidedBy()).containsExactly("Renewal and expansion discounts above 12% need a sales manager's approval");
        assertThat(discount(seed, "EXPANSION", "ENTERPRISE", 12.01).isApprovalRequired()).isFalse();
    }

    @Test
    void theSponsorWindowAt29And31DaysWithAndWithoutSolutionEngineering() {
        assertThat(toProposal(seed, 29, true).isBlocked()).isFalse();
        assertThat(toProposal(seed, 31, true).getReasons()).containsExactly(
                "The executive sponsor was last engaged 31 days ago; engage them again (within 30 days) before the proposal.");
        assertThat(toProposal(seed, 29, false).getReasons()).containsExactly(
                "Solution engineering has not contributed yet; ask for a demo or technical validation.");
        assertThat(toProposal(seed, 31, false).getReasons()).hasSize(2);
    }

    @Test
    void aManagerWideningTheSponsorWindowTo45DaysLetsA31DayOldEngagementThrough() {
        List<TableRow> rows = withCell(TABLE.seedRows(), 2, "executiveEngagedWithinDays", "45");
        CompiledRuleSet edited = new RuleCompiler().compile("stage-gates", 2, TABLE.toDrl(rows));

        assertThat(TABLE.ruleName(rows.get(2))).isEqualTo("No proposal before an executive sponsor was engaged in the last 45 days");
        assertThat(toProposal(edited, 31, true).isBlocked()).isFalse();
        assertThat(toProposal(edited, 46, true).getReasons()).containsExactly(
                "The executive sponsor was last engaged 46 days ago; engage them again (within 45 days) before the proposal.");
    }

    @Test
    void aDiscountCheckIsNeverBlockedAndAStageMoveNeverAsksForApproval() {
        StageGateDecision discount = discount(seed, "NEW_BUSINESS", "STRATEGIC", 90.0);
        assertThat(discount.isBlocked()).isFalse();
        StageExitFacts move = new StageExitFacts("EXPANSION", "INSURANCE", "DISCOVER", "SOLUTION_DEVELOPMENT", null,
                false, false);
        move.setTier("GROWTH");
        move.setDiscountPct(40.0);
        StageGateDecision decision = new StageGateDecision();
        seed.execute(List.of(move, decision));
        assertThat(decision.isApprovalRequired()).isFalse();
        assertThat(decision.isBlocked()).isFalse();
    }

    @Test
    void aRowThatBlocksMustNameTheStageItGuards() {
        List<TableRow> rows = withCell(TABLE.seedRows(), 4, "toStage", "");
        assertThatThrownBy(() -> TABLE.toDrl(rows)).isInstanceOf(InvalidCell.class)
                .hasMessageContaining("row 5").hasMessageContaining("Moving into stage")
                .hasMessageContaining("names the stage");
    }

    @Test
    void anApprovalRowChecksADiscountBandAndNamesItsApprover() {
        assertThatThrownBy(() -> TABLE.toDrl(withCell(TABLE.seedRows(), 0, "toStage", "PROPOSAL")))
                .isInstanceOf(InvalidCell.class).hasMessageContaining("row 1").hasMessageContaining("Moving into stage");
        assertThatThrownBy(() -> TABLE.toDrl(withCell(TABLE.seedRows(), 0, "discountAbove", "")))
                .isInstanceOf(InvalidCell.class).hasMessageContaining("Discount > %");
        assertThatThrownBy(() -> TABLE.toDrl(withCell(TABLE.seedRows(), 0, "approverGroup", "")))
                .isInstanceOf(InvalidCell.class).hasMessageContaining("Approved by");
        assertThatThrownBy(() -> TABLE.toDrl(withCell(TABLE.seedRows(), 0, "complianceReviewed", "no")))
                .isInstanceOf(InvalidCell.class).hasMessageContaining("Compliance reviewed")
                .hasMessageContaining("only a stage move");
        assertThatThrownBy(() -> TABLE.toDrl(withCell(withCell(TABLE.seedRows(), 0, "discountAtMost", "15"), 0,
                "discountAbove", "15"))).isInstanceOf(InvalidCell.class).hasMessageContaining("the band is empty");
    }

    @Test
    void everyCellIsCheckedAgainstItsColumnNamingRowAndColumn() {
        assertThatThrownBy(() -> TABLE.toDrl(withCell(TABLE.seedRows(), 0, "opportunityTypes", "RENEWAL, UPSELL")))
                .isInstanceOf(InvalidCell.class).hasMessageContaining("row 1")
                .hasMessageContaining("Opportunity types").hasMessageContaining("'UPSELL' is not one of");
        assertThatThrownBy(() -> TABLE.toDrl(withCell(TABLE.seedRows(), 5, "verticals", "HEALTHCARE, RETAIL")))
                .isInstanceOf(InvalidCell.class).hasMessageContaining("row 6").hasMessageContaining("Verticals");
        assertThatThrownBy(() -> TABLE.toDrl(withCell(TABLE.seedRows(), 0, "discountAbove", "101")))
                .isInstanceOf(InvalidCell.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> TABLE.toDrl(withCell(TABLE.seedRows(), 2, "executiveEngagedWithinDays", "thirty")))
                .isInstanceOf(InvalidCell.class).hasMessageContaining("Executive engaged within days")
                .hasMessageContaining("a whole number of days, 0–3650");
        assertThatThrownBy(() -> TABLE.toDrl(withCell(TABLE.seedRows(), 0, "approverGroup", "legal")))
                .isInstanceOf(InvalidCell.class).hasMessageContaining("Approved by");
        assertThatThrownBy(() -> TABLE.toDrl(withCell(TABLE.seedRows(), 0, "outcome", "ESCALATE")))
                .isInstanceOf(InvalidCell.class).hasMessageContaining("Outcome");
    }

    @Test
    void aHostileReasonIsKeptLiterallyAndNeverBecomesCode() {
        String hostile = "\"); System.exit(0); //";
        List<TableRow> rows = withCell(TABLE.seedRows(), 4, "reason", hostile);
        String drl = TABLE.toDrl(rows);
        assertThat(drl).doesNotContain("System.exit");
        CompiledRuleSet edited = new RuleCompiler().compile("stage-gates", 2, drl);

        assertThat(toProposal(edited, 5, false).getReasons()).containsExactly(hostile);
    }

    @Test
    void theComplianceRowSaysWhichVerticalNeedsTheReview() {
        StageExitFacts move = new StageExitFacts("NEW_BUSINESS", "FINANCIAL_SERVICES", "PROPOSAL", "NEGOTIATION", 5,
                true, false);
        StageGateDecision decision = new StageGateDecision();
        seed.execute(List.of(move, decision));
        assertThat(decision.getReasons()).containsExactly(
                "A financial-services deal needs a compliance review before negotiation.");
    }

    private static StageGateDecision discount(CompiledRuleSet rules, String type, String tier, double pct) {
        StageGateDecision decision = new StageGateDecision();
        rules.execute(List.of(new DiscountFacts(type, tier, "INSURANCE", 200_000, pct), decision));
        return decision;
    }

    private static StageGateDecision toProposal(CompiledRuleSet rules, Integer daysSinceSponsor, boolean se) {
        StageGateDecision decision = new StageGateDecision();
        rules.execute(List.of(new StageExitFacts("EXPANSION", "INSURANCE", "SOLUTION_DEVELOPMENT", "PROPOSAL",
                daysSinceSponsor, se, false), decision));
        return decision;
    }

    private static List<TableRow> withCell(List<TableRow> rows, int index, String key, String value) {
        List<TableRow> copy = new ArrayList<>(rows);
        Map<String, String> cells = new LinkedHashMap<>(copy.get(index).cells());
        cells.put(key, value);
        copy.set(index, new TableRow(copy.get(index).name(), cells));
        return copy;
    }
}
