package dev.accountflow.expansion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.rules.CompiledRuleSet;
import dev.accountflow.rules.RuleCompiler;
import dev.accountflow.rules.RuleTemplate;
import dev.accountflow.rules.TableRow;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expansion-signals table as managers keep it: each signal, its near misses, amounts, reasons and scenarios. */
class ExpansionSignalsTableTest {

    private static final RuleTemplate TABLE = ExpansionSignalsTable.TEMPLATE;
    private final CompiledRuleSet seed = new RuleCompiler().compile(ExpansionSignalsTable.NAME, 1,
            TABLE.toDrl(TABLE.seedRows()));

    @Test
    void aProductOfTheVerticalThatComplementsAnOwnedOneIsWhitespaceAtListArr() {
        List<ExpansionFindings.Suggested> found = decide(whitespace("INSURANCE", true, false, true));
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("WHITESPACE");
            assertThat(s.getEstimatedAmount()).isEqualByComparingTo("150000");
            assertThat(s.getQuietDays()).isEqualTo(90);
            assertThat(s.getReason()).isEqualTo("Claims Analytics fits insurance and complements Policy Administration "
                    + "Cloud, which Granite Mutual owns");
            assertThat(s.getRuleName()).isEqualTo("A product of the account's vertical that complements one it owns");
        });
    }

    @Test
    void nearMissesOfWhitespaceSuggestNothing() {
        assertThat(decide(whitespace("FINANCIAL_SERVICES", false, false, true))).as("a product of another vertical")
                .isEmpty();
        assertThat(decide(whitespace("INSURANCE", true, true, true))).as("a product the account already owns")
                .isEmpty();
        assertThat(decide(whitespace("INSURANCE", true, false, false))).as("a product that complements nothing it owns")
                .isEmpty();
    }

    @Test
    void activeUsersUpTwentyPercentIsGrowthButNineteenIsNot() {
        assertThat(decide(owned(20.0, null))).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("GROWTH");
            assertThat(s.getEstimatedAmount()).isEqualByComparingTo("36000");
            assertThat(s.getReason()).isEqualTo("Active users of Care Coordination Suite up 20% over the quarter: more seats");
            assertThat(s.getRuleName()).isEqualTo("Active users up 20% or more over the quarter");
        });
        assertThat(decide(owned(19.0, null))).isEmpty();
        assertThat(decide(owned(19.99, null))).isEmpty();
    }

    @Test
    void seatsNinetyPercentInUseIsGrowthButEightyNineIsNotAndBothSignalsMakeOneSuggestion() {
        assertThat(decide(owned(null, 90.0))).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("GROWTH");
            assertThat(s.getEstimatedAmount()).isEqualByComparingTo("45000");
            assertThat(s.getRuleName()).isEqualTo("Seat utilization of 90% or more");
        });
        assertThat(decide(owned(null, 89.0))).isEmpty();
        assertThat(decide(owned(25.0, 95.0))).as("the first matching growth row decides").singleElement()
                .satisfies(s -> assertThat(s.getRuleName()).isEqualTo("Active users up 20% or more over the quarter"));
    }

    @Test
    void aShippedRequestInAProductTheyDoNotOwnIsASuggestionUntilItIsOwnedOrOld() {
        ProductSignals shipped = whitespace("INSURANCE", true, false, false);
        shipped.setFeatureTitle("Bulk claim export");
        shipped.setShippedDaysAgo(90);
        assertThat(decide(shipped)).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("SHIPPED_REQUEST");
            assertThat(s.getReason()).isEqualTo("Their request 'Bulk claim export' shipped in Claims Analytics, which "
                    + "Granite Mutual does not own yet");
        });
        shipped.setShippedDaysAgo(91);
        assertThat(decide(shipped)).as("shipped 91 days ago").isEmpty();
        shipped.setShippedDaysAgo(3);
        shipped.setOwned(true);
        assertThat(decide(shipped)).as("a product they already own").isEmpty();
    }

    @Test
    void aRenewalJustClosedWithHighCsatIsAHappyRenewal() {
        ProductSignals renewed = owned(null, null);
        renewed.setRenewedDaysAgo(30);
        renewed.setCsat(4.5);
        assertThat(decide(renewed)).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("HAPPY_RENEWAL");
            assertThat(s.getEstimatedAmount()).isEqualByComparingTo("27000");
            assertThat(s.getQuietDays()).isEqualTo(180);
            assertThat(s.getReason()).isEqualTo("Care Coordination Suite renewed 30 days ago with CSAT 4.5: a happy "
                    + "customer to grow");
        });
        renewed.setCsat(4.4);
        assertThat(decide(renewed)).as("CSAT 4.4").isEmpty();
        renewed.setCsat(4.8);
        renewed.setRenewedDaysAgo(31);
        assertThat(decide(renewed)).as("renewed 31 days ago").isEmpty();
    }

    @Test
    void aPageOfAccountsInOneSessionGetsTheSameAsEachAccountAlone() {
        List<ProductSignals> page = List.of(whitespace("INSURANCE", true, false, true), owned(25.0, null),
                owned(19.0, 50.0), whitespace("HEALTHCARE", false, false, true));
        for (int i = 0; i < page.size(); i++) {
            page.get(i).setAccountId("account-" + i);
        }
        List<String> together = ExpansionSignalsTable.run(seed, page).stream().map(ExpansionFindings.Suggested::key)
                .sorted().toList();
        List<String> alone = page.stream().flatMap(f -> decide(f).stream()).map(ExpansionFindings.Suggested::key)
                .sorted().toList();
        assertThat(together).isEqualTo(alone).hasSize(2);
    }

    @Test
    void aManagerRaisingTheGrowthThresholdRenamesTheRowAndMovesTheCut() {
        List<TableRow> rows = new ArrayList<>();
        for (TableRow row : TABLE.seedRows()) {
            Map<String, String> cells = new LinkedHashMap<>(row.cells());
            if ("20.0".equals(cells.get("activeUsersUpAtLeast"))) {
                cells.put("activeUsersUpAtLeast", "30");
            }
            rows.add(new TableRow(row.name(), cells));
        }
        CompiledRuleSet edited = new RuleCompiler().compile(ExpansionSignalsTable.NAME, 2, TABLE.toDrl(rows));
        assertThat(ExpansionSignalsTable.run(edited, List.of(owned(25.0, null)))).isEmpty();
        assertThat(ExpansionSignalsTable.run(edited, List.of(owned(30.0, null)))).singleElement()
                .satisfies(s -> assertThat(s.getRuleName()).isEqualTo("Active users up 30% or more over the quarter"));
    }

    @Test
    void theSeedScenariosPass() throws Exception {
        ExpansionSignalsTable declared = new ExpansionSignalsTable(null);
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("rules/expansion-signals.scenarios.json")) {
            List<Map<String, Object>> scenarios = json.readValue(in, new TypeReference<>() {
            });
            assertThat(scenarios).hasSizeGreaterThanOrEqualTo(5);
            for (Map<String, Object> scenario : scenarios) {
                Object facts = json.convertValue(scenario.get("facts"), declared.factsType());
                Map<String, Object> decided = declared.decide(seed, facts);
                @SuppressWarnings("unchecked")
                Map<String, Object> expected = (Map<String, Object>) scenario.get("expected");
                expected.forEach((key, value) -> assertThat(json.convertValue(decided.get(key), Object.class))
                        .as(scenario.get("name") + ": " + key).isEqualTo(value));
            }
        }
    }

    private List<ExpansionFindings.Suggested> decide(ProductSignals facts) {
        return ExpansionSignalsTable.run(seed, List.of(facts));
    }

    private static ProductSignals whitespace(String vertical, boolean fits, boolean owned, boolean complements) {
        ProductSignals facts = new ProductSignals();
        facts.setAccountId("granite");
        facts.setAccountName("Granite Mutual");
        facts.setVertical(vertical);
        facts.setTier("ENTERPRISE");
        facts.setProduct("Claims Analytics");
        facts.setListArr(150_000);
        facts.setFitsVertical(fits);
        facts.setOwned(owned);
        facts.setCurrentArr(owned ? 120_000 : 0);
        facts.setComplementsOwned(complements);
        facts.setComplementedProduct(complements ? "Policy Administration Cloud" : null);
        return facts;
    }

    private static ProductSignals owned(Double activeUsersChangePct, Double seatUtilizationPct) {
        ProductSignals facts = new ProductSignals();
        facts.setAccountId("harbor");
        facts.setAccountName("Harbor Health System");
        facts.setVertical("HEALTHCARE");
        facts.setTier("ENTERPRISE");
        facts.setProduct("Care Coordination Suite");
        facts.setListArr(210_000);
        facts.setFitsVertical(true);
        facts.setOwned(true);
        facts.setCurrentArr(180_000);
        facts.setActiveUsersChangePct(activeUsersChangePct);
        facts.setSeatUtilizationPct(seatUtilizationPct);
        return facts;
    }
}
