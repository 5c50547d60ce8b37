package dev.accountflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feature-routing table: area to product managers, ARR and breadth of demand to priority and SLA, near misses. */
class FeatureRoutingTableTest {

    private static final RuleTemplate TABLE = RuleTemplate.of(RuleBook.FEATURE_ROUTING).orElseThrow();
    private final CompiledRuleSet seed = new RuleCompiler().compile("feature-routing", 1, TABLE.toDrl(TABLE.seedRows()));

    @Test
    void eachKnownAreaGoesToItsProductManagers() {
        assertThat(route(seed, "COMMERCE", 10_000, 1, "GROWTH", false).getPmGroup()).isEqualTo("pm-commerce");
        assertThat(route(seed, "ANALYTICS", 10_000, 1, "GROWTH", false).getPmGroup()).isEqualTo("pm-analytics");
        assertThat(route(seed, "PLATFORM", 10_000, 1, "GROWTH", false).getPmGroup()).isEqualTo("pm-platform");
    }

    @Test
    void aRequestOfNoKnownAreaGoesToTriage() {
        FeatureRouting routing = route(seed, null, 10_000, 1, "GROWTH", false);
        assertThat(routing.getPmGroup()).isEqualTo("pm-triage");
        assertThat(routing.getReasons()).contains("No known product area: product management triage routes it");
    }

    @Test
    void arrAtStakeSetsPriorityAndSlaWithNearMissesOnEitherSideOfEachThreshold() {
        assertThat(route(seed, "ANALYTICS", 1_000_000, 1, "GROWTH", false).getPriority()).isEqualTo("P1");
        assertThat(route(seed, "ANALYTICS", 1_000_000, 1, "GROWTH", false).getSlaBusinessDays()).isEqualTo(5);
        assertThat(route(seed, "ANALYTICS", 999_999, 1, "GROWTH", false).getPriority()).isEqualTo("P2");
        assertThat(route(seed, "ANALYTICS", 250_000, 1, "GROWTH", false).getSlaBusinessDays()).isEqualTo(10);
        assertThat(route(seed, "ANALYTICS", 249_999, 1, "GROWTH", false).getPriority()).isEqualTo("P3");
        assertThat(route(seed, "ANALYTICS", 249_999, 1, "GROWTH", false).getSlaBusinessDays()).isEqualTo(20);
    }

    @Test
    void threeAccountsAskingIsP1ButTwoAreNot() {
        assertThat(route(seed, "PLATFORM", 100_000, 3, "GROWTH", false).getPriority()).isEqualTo("P1");
        assertThat(route(seed, "PLATFORM", 100_000, 2, "GROWTH", false).getPriority()).isEqualTo("P3");
    }

    @Test
    void aStrategicAccountOrABlockedRenewalRaisesThePriority() {
        assertThat(route(seed, "COMMERCE", 50_000, 1, "STRATEGIC", false).getPriority()).isEqualTo("P2");
        FeatureRouting blocked = route(seed, "COMMERCE", 50_000, 1, "GROWTH", true);
        assertThat(blocked.getPriority()).isEqualTo("P1");
        assertThat(blocked.getSlaBusinessDays()).isEqualTo(3);
        assertThat(blocked.getReasons()).contains("Blocks a renewal; $50,000 ARR at stake across 1 accounts");
    }

    @Test
    void aManagerChangingTheArrThresholdRenamesTheRowAndMovesTheCut() {
        List<TableRow> rows = withCell(TABLE.seedRows(), 5, "arrAtStakeAtLeast", "800000");
        CompiledRuleSet edited = new RuleCompiler().compile("feature-routing", 2, TABLE.toDrl(rows));

        assertThat(TABLE.ruleName(rows.get(5))).isEqualTo("ARR at stake of $800,000 or more is P1 and answered within 5 business days");
        assertThat(route(edited, "ANALYTICS", 800_000, 1, "GROWTH", false).getPriority()).isEqualTo("P1");
        assertThat(route(edited, "ANALYTICS", 799_999, 1, "GROWTH", false).getPriority()).isEqualTo("P2");
    }

    @Test
    void anUnknownTeamOrAreaIsRefusedNamingTheRowAndColumn() {
        List<TableRow> rows = withCell(TABLE.seedRows(), 0, "productTeam", "pm-sales\"; System.exit(0); //");
        assertThatThrownBy(() -> TABLE.toDrl(rows)).isInstanceOf(InvalidCell.class)
                .hasMessageContaining("row 1").hasMessageContaining("Routed to product managers");
        List<TableRow> area = withCell(TABLE.seedRows(), 0, "productArea", "HARDWARE");
        assertThatThrownBy(() -> TABLE.toDrl(area)).isInstanceOf(InvalidCell.class).hasMessageContaining("Product area");
    }

    private static FeatureRouting route(CompiledRuleSet rules, String area, double arr, int accounts, String tier,
                                        boolean blocksRenewal) {
        FeatureRequestFacts facts = new FeatureRequestFacts();
        facts.setTitle("Export dashboards to PDF");
        facts.setProductArea(area);
        facts.setAccountName("Harbor Health System");
        facts.setTier(tier);
        facts.setVertical("HEALTHCARE");
        facts.setArrAtStake(arr);
        facts.setRequestingAccounts(accounts);
        facts.setBlocksRenewal(blocksRenewal);
        FeatureRouting routing = new FeatureRouting();
        rules.execute(List.of(facts, routing));
        return routing;
    }

    private static List<TableRow> withCell(List<TableRow> rows, int index, String column, String value) {
        List<TableRow> copy = new ArrayList<>(rows);
        Map<String, String> cells = new LinkedHashMap<>(copy.get(index).cells());
        cells.put(column, value);
        copy.set(index, new TableRow(copy.get(index).name(), cells));
        return copy;
    }
}
