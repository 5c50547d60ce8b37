package dev.accountflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The assignment table: typed cells checked before anything compiles, first matching row per outcome, a catch-all last. */
class AssignmentTableTest {

    private static final RuleTemplate TABLE = RuleTemplate.of(RuleBook.ASSIGNMENT).orElseThrow();
    private static final String CATCH_ALL = "Tasks no other rule gave to anyone go to the account managers";
    private final RuleCompiler compiler = new RuleCompiler();

    @Test
    void theSeedTableCompilesAndEveryRowBecomesOneNamedRule() {
        List<TableRow> rows = TABLE.seedRows();
        CompiledRuleSet rules = compiler.compile("assignment", 1, TABLE.toDrl(rows));

        assertThat(rows).hasSize(23);
        assertThat(rows.stream().map(TABLE::ruleName)).contains(
                "Escalated renewals go to the sales managers, due in 1 day at priority 90",
                "Tasks for a renewal in 31 to 60 days are due in 5 days", CATCH_ALL);
        assertThat(rules.drl()).doesNotContain("@{").containsOnlyOnce("rule \"" + CATCH_ALL + "\"");
    }

    @Test
    void anArrBandDecidesFromItsFirstDollarAndTheRowAboveWins() {
        List<TableRow> rows = new ArrayList<>(TABLE.seedRows());
        rows.add(0, new TableRow("Quotes of {arrAtLeast} or more go to sam, due in {dueInDays} days", Map.of(
                "tasks", "Task_PrepareQuote", "arrAtLeast", "180,000", "assignTo", "sam", "dueInDays", "3")));
        CompiledRuleSet rules = compiler.compile("assignment", 2, TABLE.toDrl(rows));

        Decided<AssignmentDecision> at = assign(rules, "Task_PrepareQuote", 180_000, 45);
        assertThat(at.decision().getAssignee()).isEqualTo("sam");
        assertThat(at.decision().getDueInDays()).isEqualTo(3);
        // the owner row and the 31-60 days row match too, but the row above already decided who and when
        assertThat(at.run().rulesFired()).containsExactly("Quotes of $180,000 or more go to sam, due in 3 days",
                "Tasks of enterprise accounts get priority 60");
        // near miss: a dollar less and the account owner gets it, due as the renewal date says
        AssignmentDecision below = assign(rules, "Task_PrepareQuote", 179_999, 45).decision();
        assertThat(below.getAssignee()).isEqualTo("amy");
        assertThat(below.getDueInDays()).isEqualTo(5);
        // and the row is about quotes only
        assertThat(assign(rules, "Task_Negotiate", 500_000, 45).decision().getAssignee()).isEqualTo("amy");
    }

    @Test
    void aDaysBandIncludesBothEnds() {
        List<TableRow> rows = withCell(TABLE.seedRows(), 14, "daysToRenewalAtLeast", "40");
        CompiledRuleSet rules = compiler.compile("assignment", 2, TABLE.toDrl(rows));

        assertThat(assign(rules, "Task_Negotiate", 100_000, 39).decision().getDueInDays()).isEqualTo(10);
        assertThat(assign(rules, "Task_Negotiate", 100_000, 40).decision().getDueInDays()).isEqualTo(5);
        assertThat(assign(rules, "Task_Negotiate", 100_000, 60).decision().getDueInDays()).isEqualTo(5);
        assertThat(assign(rules, "Task_Negotiate", 100_000, 61).decision().getDueInDays()).isEqualTo(10);
    }

    @Test
    void conditionsOnTerritoryVerticalAndProcessMustAllHold() {
        List<TableRow> rows = new ArrayList<>(TABLE.seedRows());
        rows.add(0, new TableRow("Northeast healthcare renewals go to ben", Map.of("processes", "renewal",
                "territories", "NORTHEAST, MIDATLANTIC", "vertical", "healthcare", "assignTo", "ben")));
        CompiledRuleSet rules = compiler.compile("assignment", 2, TABLE.toDrl(rows));

        assertThat(assign(rules, "Task_Negotiate", 100_000, 45).decision().getAssignee()).isEqualTo("ben");
        TaskFacts insurance = task("Task_Negotiate", 100_000, 45);
        insurance.setVertical("INSURANCE");
        assertThat(decide(rules, insurance).decision().getAssignee()).isEqualTo("amy");
        TaskFacts west = task("Task_Negotiate", 100_000, 45);
        west.setTerritory("WEST");
        assertThat(decide(rules, west).decision().getAssignee()).isEqualTo("amy");
        TaskFacts plan = task("Task_Negotiate", 100_000, 45);
        plan.setProcessKey("account-plan-review");
        assertThat(decide(rules, plan).decision().getAssignee()).isEqualTo("amy");
    }

    @Test
    void aTableWithoutACatchAllLastRowIsRefused() {
        List<TableRow> rows = new ArrayList<>(TABLE.seedRows());
        rows.remove(rows.size() - 1);
        assertThatThrownBy(() -> TABLE.toDrl(rows)).isInstanceOf(InvalidCell.class)
                .hasMessageStartingWith("row 22 (Escalation resolutions go to the account owner to confirm with the customer)")
                .hasMessageContaining("the last row must catch every task");

        List<TableRow> narrowed = withCell(TABLE.seedRows(), 22, "tier", "GROWTH");
        assertThatThrownBy(() -> TABLE.check(narrowed)).hasMessageContaining("row 23")
                .hasMessageContaining("leave all its conditions blank");
        List<TableRow> nobody = withCell(withCell(TABLE.seedRows(), 22, "assignTo", ""), 22, "dueInDays", "10");
        assertThatThrownBy(() -> TABLE.check(nobody)).hasMessageContaining("give it an assignee or group");
    }

    @Test
    void aRowThatDecidesNothingOrMixesPointsWithOtherOutcomesIsRefused() {
        List<TableRow> empty = withCell(TABLE.seedRows(), 13, "dueInDays", "");
        assertThatThrownBy(() -> TABLE.check(empty)).hasMessageContaining("row 14").hasMessageContaining("decides nothing");
        List<TableRow> mixed = withCell(TABLE.seedRows(), 19, "priority", "70");
        assertThatThrownBy(() -> TABLE.check(mixed)).hasMessageContaining("row 20")
                .hasMessageContaining("column 'Priority points added'");
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is refused: {2}")
    @CsvSource(delimiter = '|', value = {
            "tasks | Task_Negotiate; drop | is not a name",
            "tasks | Task_A) or true or (x | is not a name",
            "territories | NORTH EAST | is not a name",
            "vertical | RETAIL | is not one of HEALTHCARE, FINANCIAL_SERVICES, INSURANCE, OTHER, or blank for any",
            "tier | PLATINUM | is not one of STRATEGIC, ENTERPRISE, GROWTH",
            "arrAtLeast | 180k | is not an amount in whole dollars like 180,000",
            "arrAtLeast | 180,000.50 | is not an amount in whole dollars",
            "arrBelow | -5 | is not an amount",
            "daysToRenewalAtMost | 30.5 | a whole number of days, 0–3650",
            "ownerKnown | maybe | is not yes, no or blank for any",
            "assignTo | amy\"); System.exit(0); // | is not owner (the account's owner), routed (the group the routing table chose), a group",
            "dueInDays | 400 | out of range",
            "priority | high | is not a whole number, 0–100"})
    void aCellThatDoesNotFitItsColumnIsRefusedNamingRowAndColumn(String column, String value, String problem) {
        List<TableRow> rows = withCell(TABLE.seedRows(), 0, column, value);

        assertThatThrownBy(() -> TABLE.toDrl(rows)).isInstanceOf(InvalidCell.class)
                .hasMessageStartingWith("row 1 (Renewal work goes to the account owner), column '")
                .hasMessageContaining(problem);
    }

    @Test
    void cellsAreReadLenientlyAndKeptAsPeopleReadThem() {
        List<TableRow> rows = withCell(withCell(withCell(TABLE.seedRows(), 0, "arrAtLeast", " 180000 "), 0,
                "territories", "NORTHEAST ,MIDATLANTIC"), 0, "assignTo", "Owner");
        TableRow checked = TABLE.check(rows).get(0);

        assertThat(checked.cells()).containsEntry("arrAtLeast", "$180,000")
                .containsEntry("territories", "NORTHEAST, MIDATLANTIC").containsEntry("assignTo", "owner");
    }

    @Test
    void hostileTextInARowNameIsStoredAndShownLiterallyAndNeverRunsAsCode() {
        String hostile = "\"); System.exit(0); // \\u0022 @{ ruleName } ${ x } \\";
        List<TableRow> rows = new ArrayList<>(TABLE.seedRows());
        rows.set(0, new TableRow(hostile, rows.get(0).cells()));
        String drl = TABLE.toDrl(rows);
        CompiledRuleSet rules = compiler.compile("assignment", 2, drl);

        Decided<AssignmentDecision> decided = assign(rules, "Task_Negotiate", 100_000, 45);
        assertThat(decided.decision().getAssignee()).isEqualTo("amy");
        assertThat(decided.run().rulesFired()).contains(hostile);
        assertThat(drl.lines().filter(line -> line.contains("System.exit")))
                .containsExactly("rule \"\\\"); System.exit(0); // \\\\u0022 @{ ruleName } ${ x } \\\\\"");
    }

    private static Decided<AssignmentDecision> assign(CompiledRuleSet rules, String taskKey, double arr, Integer days) {
        return decide(rules, task(taskKey, arr, days));
    }

    private static Decided<AssignmentDecision> decide(CompiledRuleSet rules, TaskFacts task) {
        AssignmentDecision decision = new AssignmentDecision();
        return new Decided<>(decision, rules.execute(List.of(task, decision)));
    }

    private static TaskFacts task(String taskKey, double arr, Integer days) {
        TaskFacts task = new TaskFacts("renewal", taskKey);
        task.setAccountId("acc-1");
        task.setAccountName("Northwind Health");
        task.setTerritory("NORTHEAST");
        task.setVertical("HEALTHCARE");
        task.setOwnerId("amy");
        task.setTier("ENTERPRISE");
        task.setArr(arr);
        task.setDaysToRenewal(days);
        return task;
    }

    private static List<TableRow> withCell(List<TableRow> rows, int index, String column, String value) {
        List<TableRow> copy = new ArrayList<>(rows);
        Map<String, String> cells = new LinkedHashMap<>(copy.get(index).cells());
        cells.put(column, value);
        copy.set(index, new TableRow(copy.get(index).name(), cells));
        return copy;
    }
}
