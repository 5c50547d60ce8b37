package dev.accountflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The escalation-routing table: division to group, severity × tier to the SLA, near misses on each side. */
class EscalationRoutingTableTest {

    private static final RuleTemplate TABLE = RuleTemplate.of(RuleBook.ESCALATION_ROUTING).orElseThrow();
    private final CompiledRuleSet seed = new RuleCompiler().compile("escalation-routing", 1,
            TABLE.toDrl(TABLE.seedRows()));

    @Test
    void eachDivisionGoesToItsGroup() {
        assertThat(route(seed, "SUPPORT", "S3", "GROWTH").getGroup()).isEqualTo("support");
        assertThat(route(seed, "SERVICES", "S3", "GROWTH").getGroup()).isEqualTo("services");
        assertThat(route(seed, "BILLING", "S3", "GROWTH").getGroup()).isEqualTo("billing");
        assertThat(route(seed, "LEGAL", "S3", "GROWTH").getGroup()).isEqualTo("legal");
        assertThat(route(seed, "PRODUCT", "S3", "GROWTH").getGroup()).isEqualTo("pm-triage");
    }

    @Test
    void s1OnAStrategicAccountIsFourBusinessHoursAndTwoBusinessDaysAndTellsTheSalesManagers() {
        EscalationRouting routing = route(seed, "BILLING", "S1", "STRATEGIC");
        assertThat(routing.getAcknowledgeWithinHours()).isEqualTo(4);
        assertThat(routing.getResolveWithinBusinessDays()).isEqualTo(2);
        assertThat(routing.isTellSalesManagers()).isTrue();
        assertThat(routing.getReasons()).containsExactly("BILLING escalation routed to billing",
                "S1 on strategic account Harbor Health System ($480,000 ARR): acknowledge within 4 business hours,"
                        + " resolve within 2 business days");
    }

    @Test
    void nearMissesOnTierAndSeverity() {
        // the same severity one tier down
        EscalationRouting enterpriseS1 = route(seed, "SUPPORT", "S1", "ENTERPRISE");
        assertThat(enterpriseS1.getAcknowledgeWithinHours()).isEqualTo(8);
        assertThat(enterpriseS1.getResolveWithinBusinessDays()).isEqualTo(3);
        assertThat(enterpriseS1.isTellSalesManagers()).isTrue();
        // the same tier one severity down
        EscalationRouting strategicS2 = route(seed, "SUPPORT", "S2", "STRATEGIC");
        assertThat(strategicS2.getAcknowledgeWithinHours()).isEqualTo(8);
        assertThat(strategicS2.getResolveWithinBusinessDays()).isEqualTo(5);
        assertThat(strategicS2.isTellSalesManagers()).isTrue();
        // both one step away
        EscalationRouting enterpriseS2 = route(seed, "SUPPORT", "S2", "ENTERPRISE");
        assertThat(enterpriseS2.getAcknowledgeWithinHours()).isEqualTo(16);
        assertThat(enterpriseS2.isTellSalesManagers()).isFalse();
        EscalationRouting strategicS3 = route(seed, "SUPPORT", "S3", "STRATEGIC");
        assertThat(strategicS3.getAcknowledgeWithinHours()).isEqualTo(24);
        assertThat(strategicS3.getResolveWithinBusinessDays()).isEqualTo(10);
        assertThat(strategicS3.isTellSalesManagers()).isFalse();
        EscalationRouting growthS4 = route(seed, "SUPPORT", "S4", "GROWTH");
        assertThat(growthS4.getAcknowledgeWithinHours()).isEqualTo(40);
        assertThat(growthS4.getResolveWithinBusinessDays()).isEqualTo(20);
    }

    @Test
    void aManagerShorteningTheStrategicS1WindowRenamesTheRow() {
        List<TableRow> rows = withCell(TABLE.seedRows(), 5, "acknowledgeWithinHours", "2");
        CompiledRuleSet edited = new RuleCompiler().compile("escalation-routing", 2, TABLE.toDrl(rows));

        assertThat(TABLE.ruleName(rows.get(5))).isEqualTo(
                "S1 on a strategic account: acknowledge within 2 business hours, resolve within 2 business days");
        assertThat(route(edited, "BILLING", "S1", "STRATEGIC").getAcknowledgeWithinHours()).isEqualTo(2);
        assertThat(route(edited, "BILLING", "S1", "ENTERPRISE").getAcknowledgeWithinHours()).isEqualTo(8);
    }

    @Test
    void anUnknownGroupOrDivisionIsRefusedNamingTheRowAndColumn() {
        List<TableRow> rows = withCell(TABLE.seedRows(), 0, "group", "support\"; System.exit(0); //");
        assertThatThrownBy(() -> TABLE.toDrl(rows)).isInstanceOf(InvalidCell.class)
                .hasMessageContaining("row 1").hasMessageContaining("Routed to group");
        List<TableRow> division = withCell(TABLE.seedRows(), 0, "division", "MARKETING");
        assertThatThrownBy(() -> TABLE.toDrl(division)).isInstanceOf(InvalidCell.class).hasMessageContaining("Division");
        List<TableRow> hours = withCell(TABLE.seedRows(), 5, "acknowledgeWithinHours", "0");
        assertThatThrownBy(() -> TABLE.toDrl(hours)).isInstanceOf(InvalidCell.class)
                .hasMessageContaining("row 6").hasMessageContaining("Acknowledge within");
    }

    private static EscalationRouting route(CompiledRuleSet rules, String division, String severity, String tier) {
        EscalationFacts facts = new EscalationFacts();
        facts.setDivision(division);
        facts.setSeverity(severity);
        facts.setAccountName("Harbor Health System");
        facts.setTier(tier);
        facts.setVertical("HEALTHCARE");
        facts.setArr(480_000);
        EscalationRouting routing = new EscalationRouting();
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
