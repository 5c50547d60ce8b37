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

/** The health table: typed cells checked before anything compiles, rows compiled through the template. */
class HealthTableTest {

    private static final RuleTemplate TABLE = RuleTemplate.of(RuleBook.HEALTH).orElseThrow();
    private final RuleCompiler compiler = new RuleCompiler();

    @Test
    void theSeedTableCompilesAndEveryRowBecomesOneNamedRule() {
        List<TableRow> rows = TABLE.seedRows();
        CompiledRuleSet rules = compiler.compile("health", 1, TABLE.toDrl(rows));

        assertThat(rows).hasSize(12);
        assertThat(rows.stream().map(TABLE::ruleName)).contains("Active users down 20% or more",
                "Active users down 10% or more but less than 20%", "Customer satisfaction below 3.0");
        assertThat(rules.drl()).doesNotContain("@{");
    }

    @Test
    void changingTheUsageThresholdChangesTheRuleNameAndTheReasonWithIt() {
        List<TableRow> rows = withCell(TABLE.seedRows(), 2, "usageChangeAtMost", "-15");
        CompiledRuleSet rules = compiler.compile("health", 2, TABLE.toDrl(rows));

        HealthAssessment drop17 = assess(rules, -17.0);
        assertThat(drop17.getFindings()).containsExactly(new HealthFinding("USAGE_DROP", "HIGH", "Active users down 17%",
                "Active users down 15% or more"));
        // near miss: 14% is still only the MEDIUM row
        assertThat(assess(rules, -14.0).getFindings()).extracting(HealthFinding::severity).containsExactly("MEDIUM");
    }

    @Test
    void theFirstMatchingRowPerFlagCodeWinsSoADropIsNeverBothHighAndMedium() {
        List<TableRow> rows = withCell(TABLE.seedRows(), 3, "usageChangeAbove", "");
        CompiledRuleSet rules = compiler.compile("health", 2, TABLE.toDrl(rows));

        assertThat(assess(rules, -40.0).getFindings()).extracting(HealthFinding::severity).containsExactly("HIGH");
        assertThat(assess(rules, -12.0).getFindings()).extracting(HealthFinding::severity).containsExactly("MEDIUM");
    }

    @Test
    void oneSessionDecidesAPageOfAccountsEachWithItsOwnFirstMatchingRowPerFlagCode() {
        CompiledRuleSet rules = compiler.compile("health", 1, TABLE.toDrl(TABLE.seedRows()));
        List<AccountHealthFacts> page = List.of(account("a", -40.0), account("b", -12.0), account("c", -30.0),
                account("d", 5.0), account("e", -20.0));
        List<HealthAssessment> assessments = page.stream().map(HealthAssessment::new).toList();
        List<Object> facts = new ArrayList<>(page);
        facts.addAll(assessments);

        rules.execute(facts);

        // every account gets its USAGE_DROP from its own first matching row: HIGH at -40, -30 and -20, MEDIUM at -12
        assertThat(assessments).extracting(a -> a.getFindings().stream().map(f -> f.code() + " " + f.severity()
                + " " + f.reason()).toList()).containsExactly(
                List.of("USAGE_DROP HIGH Active users down 40%"), List.of("USAGE_DROP MEDIUM Active users down 12%"),
                List.of("USAGE_DROP HIGH Active users down 30%"), List.of(),
                List.of("USAGE_DROP HIGH Active users down 20%"));
    }

    @Test
    void theRuleBookAnswersAPageInTheOrderGivenWithTheRulesThatFiredForEachAccount() {
        RuleBook book = new RuleBook(compiler);
        AccountHealthFacts silent = account("silent", 0.0);
        silent.setDaysToRenewal(40);
        silent.setDaysSinceExecutiveEngagement(75);
        List<AccountHealthFacts> page = List.of(account("dropping", -25.0), silent, account("fine", 3.0));

        List<Decided<HealthAssessment>> decided = book.assessHealth(page);

        assertThat(decided).extracting(d -> d.run().rulesFired()).containsExactly(
                List.of("Active users down 20% or more"),
                List.of("Renewal within 90 days and no executive contact for 60 days"), List.of());
        assertThat(decided).extracting(d -> d.decision().isAtRisk()).containsExactly(true, true, false);
        // the page's answers equal one decision per account
        for (int i = 0; i < page.size(); i++) {
            assertThat(decided.get(i).decision().getFindings())
                    .isEqualTo(book.assessHealth(page.get(i)).decision().getFindings());
        }
    }

    @Test
    void aBlankConditionMeansAny() {
        List<TableRow> rows = List.of(new TableRow("Every account is looked at", Map.of("flagCode", "USAGE_LOW",
                "severity", "LOW", "reason", "Looked at {accountName}")));
        CompiledRuleSet rules = compiler.compile("health", 2, TABLE.toDrl(rows));

        assertThat(assess(rules, 50.0).getFindings()).containsExactly(new HealthFinding("USAGE_LOW", "LOW",
                "Looked at Northwind Health", "Every account is looked at"));
    }

    @Test
    void hostileTextIsStoredAndShownLiterallyAndNeverRunsAsCode() {
        String hostile = "\"); System.exit(0); // \\u0022 @{ ruleName } ${ x } \\";
        List<TableRow> rows = List.of(new TableRow(hostile, Map.of("usageChangeAtMost", "-20", "flagCode", "USAGE_DROP",
                "severity", "HIGH", "reason", hostile + " {usageDropPct}")));
        String drl = TABLE.toDrl(rows);
        CompiledRuleSet rules = compiler.compile("health", 2, drl);

        HealthAssessment assessment = assess(rules, -30.0);
        assertThat(assessment.getFindings()).containsExactly(new HealthFinding("USAGE_DROP", "HIGH",
                hostile + " 30%", hostile));
        // the name is a DRL string with its quote escaped; the reason is Base64 data, so code sees the text nowhere else
        assertThat(drl.lines().filter(line -> line.contains("System.exit")))
                .containsExactly("rule \"\\\"); System.exit(0); // \\\\u0022 @{ ruleName } ${ x } \\\\\"");
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is refused: {2}")
    @CsvSource(delimiter = '|', value = {
            "daysToRenewalAtMost | 12.5 | a whole number of days, 0–3650",
            "daysToRenewalAtMost | 4000 | out of range: a whole number of days, 0–3650",
            "daysToRenewalAtMost | ninety | is not a whole number of days, 0–3650",
            "usageChangeAtMost | -20.125 | a number from -100 to 1000, at most 2 decimals",
            "usageChangeAtMost | -101 | out of range",
            "csatBelow | 5.5 | out of range: a number from 0 to 5",
            "executiveSponsor | maybe | is not yes, no or blank for any",
            "severity | CRITICAL | is not one of HIGH, MEDIUM, LOW",
            "flagCode | DROP TABLE | is not one of EXEC_SILENT_NEAR_RENEWAL",
            "severity | '' | is required",
            "reason | Active users down {secretField} | {secretField} is not a placeholder here"})
    void aCellThatDoesNotFitItsColumnIsRefusedNamingRowAndColumn(String column, String value, String problem) {
        List<TableRow> rows = withCell(TABLE.seedRows(), 2, column, value);

        assertThatThrownBy(() -> TABLE.toDrl(rows)).isInstanceOf(InvalidCell.class)
                .hasMessageStartingWith("row 3 (Active users down {usageDropThreshold} or more), column '")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((InvalidCell) e).getRow()).isEqualTo(3));
    }

    @Test
    void cellsAreReadLeniently() {
        List<TableRow> rows = withCell(withCell(TABLE.seedRows(), 2, "usageChangeAtMost", " −15 % "), 5,
                "executiveSponsor", "No");
        List<TableRow> checked = TABLE.check(rows);

        assertThat(checked.get(2).cells()).containsEntry("usageChangeAtMost", "-15.0");
        assertThat(checked.get(5).cells()).containsEntry("executiveSponsor", "no");
    }

    @Test
    void rowsWithTheSameNameOrUnknownColumnsOrNoNameAreRefused() {
        List<TableRow> twins = new ArrayList<>(TABLE.seedRows());
        twins.add(twins.get(4));
        assertThatThrownBy(() -> TABLE.check(twins)).hasMessageContaining("row 13")
                .hasMessageContaining("another row is already named 'Two or more open support escalations'");
        assertThatThrownBy(() -> TABLE.check(withCell(TABLE.seedRows(), 0, "arrOver", "5")))
                .hasMessageContaining("row 1").hasMessageContaining("column 'arrOver': no such column");
        assertThatThrownBy(() -> TABLE.check(List.of(new TableRow(" ", Map.of("flagCode", "USAGE_DROP")))))
                .hasMessageContaining("row 1, column 'name': is required");
        assertThatThrownBy(() -> TABLE.check(List.of()))
                .hasMessageContaining("at least one row");
    }

    private static HealthAssessment assess(CompiledRuleSet rules, double usageChange) {
        AccountHealthFacts account = account("acc-1", usageChange);
        HealthAssessment assessment = new HealthAssessment(account);
        rules.execute(List.of(account, assessment));
        return assessment;
    }

    private static AccountHealthFacts account(String id, double usageChange) {
        AccountHealthFacts account = new AccountHealthFacts(id, "Northwind Health");
        account.setDaysToRenewal(200);
        account.setDaysSinceExecutiveEngagement(10);
        account.setHasExecutiveSponsor(true);
        account.setActiveUsersChangePct(usageChange);
        account.setOpenEscalations(0);
        account.setCsat(4.2);
        return account;
    }

    private static List<TableRow> withCell(List<TableRow> rows, int index, String column, String value) {
        List<TableRow> copy = new ArrayList<>(rows);
        Map<String, String> cells = new LinkedHashMap<>(copy.get(index).cells());
        cells.put(column, value);
        copy.set(index, new TableRow(copy.get(index).name(), cells));
        return copy;
    }
}
