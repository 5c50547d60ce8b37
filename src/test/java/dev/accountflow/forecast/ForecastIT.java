package dev.accountflow.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.SubscriptionStatus;
import dev.accountflow.account.SubscriptionTerms;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The forecast and KPIs against a fixture computed by hand, in a quarter (2033-Q3) no other test touches, for a rep
 * (ned) whose book holds nothing else in it.
 */
class ForecastIT extends PostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUARTER = "2033-Q3";

    @Autowired AccountService accounts;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired SubscriptionTerms terms;

    private static boolean fixtureLoaded;

    @BeforeEach
    void fixture() throws Exception {
        TestUsers.ensure(identity);
        if (fixtureLoaded) {
            return;
        }
        Account account = accounts.createAccount("Forecast Fixture Mutual " + UUID.randomUUID().toString().substring(0, 6),
                Vertical.INSURANCE, "MIDATLANTIC", Tier.ENTERPRISE, TestUsers.NED);
        String a = account.getId();
        // EXPANSION: open proposal 100,000 @60 % best case, open negotiation 50,000 @80 % commit,
        // won 40,000, lost 30,000
        opportunity(a, "EXPANSION", "PROPOSAL", 100_000, 60, "BEST_CASE", LocalDate.of(2033, 7, 15), false);
        opportunity(a, "EXPANSION", "NEGOTIATION", 50_000, 80, "COMMIT", LocalDate.of(2033, 8, 20), false);
        opportunity(a, "EXPANSION", "CLOSED_WON", 40_000, 100, "CLOSED", LocalDate.of(2033, 9, 1), true);
        opportunity(a, "EXPANSION", "CLOSED_LOST", 30_000, 0, "OMITTED", LocalDate.of(2033, 9, 2), true);
        // NEW_BUSINESS: open qualify 200,000 @10 %; one closing on 1 Oct 2033 belongs to the next quarter
        opportunity(a, "NEW_BUSINESS", "QUALIFY", 200_000, 10, "PIPELINE", LocalDate.of(2033, 9, 30), false);
        opportunity(a, "NEW_BUSINESS", "DISCOVER", 20_000, 20, "PIPELINE", LocalDate.of(2033, 10, 1), false);

        // terms ending in the quarter: renewed with an upsell 100,000 → 120,000, downsold 50,000 → 40,000, churned 50,000
        term(a, LocalDate.of(2033, 7, 31), 100_000, "RENEWED", 120_000);
        term(a, LocalDate.of(2033, 8, 31), 50_000, "DOWNSOLD", 40_000);
        term(a, LocalDate.of(2033, 9, 30), 50_000, "CHURNED", null);

        HttpResponse<String> quota = send("PUT", "/api/quotas/" + TestUsers.NED + "/" + QUARTER, TestUsers.MAX,
                "{\"EXPANSION\": 200000, \"NEW_BUSINESS\": 100000}", null);
        assertThat(quota.statusCode()).as(quota.body()).isEqualTo(200);
        fixtureLoaded = true;
    }

    @Test
    void theRepsQuarterAddsUpAsWorkedByHand() throws Exception {
        JsonNode f = forecast(TestUsers.MAX, "&owner=" + TestUsers.NED);

        // pipeline = open amounts 100,000 + 50,000 + 200,000
        assertThat(f.get("pipeline").decimalValue()).isEqualByComparingTo("350000");
        // best case = open best-case and commit 100,000 + 50,000; commit = 50,000
        assertThat(f.get("bestCase").decimalValue()).isEqualByComparingTo("150000");
        assertThat(f.get("commit").decimalValue()).isEqualByComparingTo("50000");
        assertThat(f.get("closedWon").decimalValue()).isEqualByComparingTo("40000");
        // weighted = 100,000 × 60 % + 50,000 × 80 % + 200,000 × 10 % = 60,000 + 40,000 + 20,000
        assertThat(f.get("weightedPipeline").decimalValue()).isEqualByComparingTo("120000");
        assertThat(f.get("quota").decimalValue()).isEqualByComparingTo("300000");
        // attainment = 40,000 ÷ 300,000 = 13.3 %; coverage = 120,000 ÷ (300,000 − 40,000) = 0.46
        assertThat(f.get("attainmentPct").decimalValue()).isEqualByComparingTo("13.3");
        assertThat(f.get("pipelineCoverage").decimalValue()).isEqualByComparingTo("0.46");

        JsonNode expansion = row(f, "EXPANSION");
        // 40,000 ÷ 200,000 = 20 %; (60,000 + 40,000) ÷ (200,000 − 40,000) = 0.625 → 0.63
        assertThat(expansion.get("attainmentPct").decimalValue()).isEqualByComparingTo("20.0");
        assertThat(expansion.get("pipelineCoverage").decimalValue()).isEqualByComparingTo("0.63");
        JsonNode newBusiness = row(f, "NEW_BUSINESS");
        assertThat(newBusiness.get("weightedPipeline").decimalValue()).isEqualByComparingTo("20000");
        assertThat(newBusiness.get("pipelineCoverage").decimalValue()).isEqualByComparingTo("0.20");
    }

    @Test
    void renewalRateGrossAndNetRetentionCountTheDownsellAndTheChurn() throws Exception {
        JsonNode f = forecast(TestUsers.MAX, "&owner=" + TestUsers.NED);

        // up for renewal = 100,000 + 50,000 + 50,000 = 200,000
        assertThat(f.get("upForRenewal").decimalValue()).isEqualByComparingTo("200000");
        // renewal rate = ARR that renewed at all (100,000 + 50,000) ÷ 200,000 = 75 %
        assertThat(f.get("renewalRate").decimalValue()).isEqualByComparingTo("75.0");
        // GRR = (min(120,000, 100,000) + 40,000 + 0) ÷ 200,000 = 70 %
        assertThat(f.get("grr").decimalValue()).isEqualByComparingTo("70.0");
        // NRR = (120,000 + 40,000 + 0) ÷ 200,000 = 80 %
        assertThat(f.get("nrr").decimalValue()).isEqualByComparingTo("80.0");
        JsonNode history = f.get("retentionByQuarter");
        assertThat(history).hasSize(4);
        assertThat(history.get(3).get("quarter").asText()).isEqualTo(QUARTER);
    }

    @Test
    void aRepSeesHerOwnRowOnlyAndIsRefusedAnotherRepsForecast() throws Exception {
        JsonNode own = forecast(TestUsers.NED, "");
        own.get("rows").forEach(r -> assertThat(r.get("ownerId").asText()).isEqualTo(TestUsers.NED));
        assertThat(own.get("closedWon").decimalValue()).isEqualByComparingTo("40000");

        HttpResponse<String> others = get("/api/forecast?quarter=" + QUARTER + "&owner=" + TestUsers.NED, TestUsers.IVY);
        assertThat(others.statusCode()).isEqualTo(403);
        assertThat(get("/api/forecast?quarter=2033-Q5", TestUsers.MAX).body()).contains("quarter:");
        assertThat(get("/api/forecast?quarter=" + QUARTER, TestUsers.SOLUTION_ENGINEER).statusCode()).isEqualTo(403);
    }

    @Test
    void aQuotaWithANegativeOrUnknownTypeIsRefusedNamingTheFieldAndNothingChanges() throws Exception {
        HttpResponse<String> negative = send("PUT", "/api/quotas/" + TestUsers.NED + "/" + QUARTER, TestUsers.MAX,
                "{\"EXPANSION\": -1, \"UPSELL\": 5}", null);
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("EXPANSION:").contains("UPSELL:");
        assertThat(forecast(TestUsers.MAX, "&owner=" + TestUsers.NED).get("quota").decimalValue())
                .isEqualByComparingTo("300000");
        assertThat(send("PUT", "/api/quotas/nobody/" + QUARTER, TestUsers.MAX, "{\"EXPANSION\": 5}", null)
                .statusCode()).isEqualTo(404);
    }

    private JsonNode forecast(String user, String extra) throws Exception {
        HttpResponse<String> response = get("/api/forecast?quarter=" + QUARTER + extra, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode row(JsonNode forecast, String type) {
        for (JsonNode r : forecast.get("rows")) {
            if (type.equals(r.get("type").asText())) {
                return r;
            }
        }
        throw new AssertionError("no " + type + " row in " + forecast);
    }

    private void opportunity(String accountId, String type, String stage, int amount, int probability,
                             String category, LocalDate closeDate, boolean closed) {
        jdbc.update("""
                insert into opportunity (id, account_id, name, type, stage, amount, close_date, probability,
                    forecast_category, owner_id, created_at, closed_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", UUID.randomUUID().toString(), accountId,
                "Fixture " + type + " " + stage, type, stage, BigDecimal.valueOf(amount), Date.valueOf(closeDate),
                probability, category, TestUsers.NED, Timestamp.from(Instant.now()),
                closed ? Timestamp.from(Instant.now()) : null);
    }

    // the subscription's term closes the way a renewal closes it: into a next term at the new ARR, or out of the book
    private void term(String accountId, LocalDate end, int arr, String outcome, Integer nextArr) {
        Subscription s = accounts.addSubscription(accountId, "Fixture " + outcome, BigDecimal.valueOf(arr),
                end.minusYears(1).plusDays(1), end);
        if (nextArr == null) {
            terms.end(s.getId(), "Fixture churn");
        } else {
            terms.startNextTerm(s.getId(), SubscriptionStatus.valueOf(outcome), BigDecimal.valueOf(nextArr), 12);
        }
    }
}
