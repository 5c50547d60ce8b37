package dev.accountflow.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.ContactRole;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.money.SalesDates;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The health rows that watch people and deals: an executive sponsor who left with no replacement, and a deal whose
 * close date was pushed twice; the renewal row's sentence names the product and its ARR. Read from the database
 * as the account's rep changes it, and by the sweep.
 */
class SponsorDepartureAndSlippageIT extends PostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired AccountService accounts;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
    }

    @Test
    void aSponsorWhoLeavesFlagsTheAccountRedAndANewSponsorResolvesItOnTheNextSweep() throws Exception {
        Account account = account("Brandywine Assurance " + unique());
        String sponsor = accounts.addContact(account.getId(), "Pat Sponsor", "pat@brandywine.example",
                ContactRole.EXECUTIVE_SPONSOR, Instant.now().minus(10, ChronoUnit.DAYS)).getId();

        Instant leftAt = Instant.now().minus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> left = post("/api/accounts/" + account.getId() + "/contacts/" + sponsor + "/departure",
                TestUsers.IVY, "{\"leftAt\":\"" + leftAt + "\"}");
        assertThat(left.statusCode()).as(left.body()).isEqualTo(200);
        assertThat(JSON.readTree(left.body()).get("leftAt").asText()).isNotEmpty();

        assertThat(open(account)).containsEntry("SPONSOR_LEFT", "HIGH").doesNotContainKey("NO_EXECUTIVE_SPONSOR");
        assertThat(reason(account, "SPONSOR_LEFT"))
                .isEqualTo("The executive sponsor left 6 days ago and no replacement is named");
        assertThat(jdbc.queryForObject("select worst_flag from account where id = ?", Integer.class, account.getId()))
                .as("the book shows the account red at once").isEqualTo(3);
        JsonNode view = JSON.readTree(get("/api/accounts/" + account.getId(), TestUsers.IVY).body());
        assertThat(view.get("contacts").get(0).get("leftAt").isNull()).isFalse();

        HttpResponse<String> again = post("/api/accounts/" + account.getId() + "/contacts/" + sponsor + "/departure",
                TestUsers.IVY, "{\"leftAt\":\"" + Instant.now().minus(1, ChronoUnit.DAYS) + "\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Instant.parse(JSON.readTree(again.body()).get("leftAt").asText()))
                .as("saying it again keeps the first day").isEqualTo(leftAt);

        sweep();
        assertThat(records(account, "SPONSOR_LEFT")).as("a sweep does not raise the flag twice").isEqualTo(1);

        accounts.addContact(account.getId(), "Robin Newsponsor", "robin@brandywine.example",
                ContactRole.EXECUTIVE_SPONSOR, Instant.now());
        sweep();
        assertThat(open(account)).doesNotContainKeys("SPONSOR_LEFT", "NO_EXECUTIVE_SPONSOR");
        assertThat(records(account, "SPONSOR_LEFT")).as("resolved, not deleted").isEqualTo(1);
    }

    @Test
    void aDepartureIsRefusedForAnotherRepsAccountAnUnknownContactAndAFutureOrMissingDay() throws Exception {
        Account account = account("Chesapeake Capital " + unique());
        String sponsor = accounts.addContact(account.getId(), "Lou Sponsor", null, ContactRole.EXECUTIVE_SPONSOR,
                Instant.now()).getId();
        String path = "/api/accounts/" + account.getId() + "/contacts/" + sponsor + "/departure";

        assertThat(post(path, TestUsers.NED, "{\"leftAt\":\"2026-11-01T10:00:00Z\"}").statusCode())
                .as("another rep's account").isEqualTo(404);
        assertThat(post("/api/accounts/" + account.getId() + "/contacts/nobody/departure", TestUsers.IVY,
                "{\"leftAt\":\"2026-11-01T10:00:00Z\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> future = post(path, TestUsers.IVY, "{\"leftAt\":\"" + Instant.now().plus(3,
                ChronoUnit.DAYS) + "\"}");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("leftAt");
        HttpResponse<String> missing = post(path, TestUsers.IVY, "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("leftAt");
        assertThat(post(path, TestUsers.IVY, "{\"leftAt\":\"yesterday\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> twice = post(path, TestUsers.IVY, "{\"leftAt\":\"2026-11-01T10:00:00Z\","
                + "\"leftAt\":\"2026-10-01T10:00:00Z\"}");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("leftAt");

        assertThat(jdbc.queryForObject("select count(*) from contact where account_id = ? and left_at is not null",
                Integer.class, account.getId())).as("nothing written").isZero();
        assertThat(open(account)).doesNotContainKey("SPONSOR_LEFT");
    }

    @Test
    void aDealWhoseCloseDateIsPushedTwiceFlagsTheAccountNamingTheDealAndItsDates() throws Exception {
        Account account = account("Allegheny Health Partners " + unique());
        accounts.addContact(account.getId(), "Kai Sponsor", null, ContactRole.EXECUTIVE_SPONSOR, Instant.now());
        LocalDate first = SalesDates.today().plusDays(30);
        String deal = JSON.readTree(post("/api/opportunities", TestUsers.IVY, "{\"accountId\":\"" + account.getId()
                + "\",\"type\":\"EXPANSION\",\"name\":\"Care Coordination expansion\",\"product\":\"Care Coordination "
                + "Suite\",\"amount\":\"250000\",\"closeDate\":\"" + first + "\"}").body()).get("id").asText();
        String path = "/api/opportunities/" + deal + "/close-date";

        JsonNode once = moved(path, first.plusDays(20));
        assertThat(once.get("closeDatePushes").asInt()).isEqualTo(1);
        assertThat(open(account)).doesNotContainKey("CLOSE_DATE_SLIPPING");
        JsonNode earlier = moved(path, first.plusDays(10));
        assertThat(earlier.get("closeDatePushes").asInt()).as("an earlier day is not a push").isEqualTo(1);
        assertThat(open(account)).doesNotContainKey("CLOSE_DATE_SLIPPING");

        JsonNode twice = moved(path, first.plusDays(45));
        assertThat(twice.get("closeDatePushes").asInt()).isEqualTo(2);
        assertThat(twice.get("firstCloseDate").asText()).isEqualTo(first.toString());
        assertThat(open(account)).containsEntry("CLOSE_DATE_SLIPPING", "MEDIUM");
        assertThat(reason(account, "CLOSE_DATE_SLIPPING")).isEqualTo("The close date of Care Coordination expansion "
                + "was pushed 2 times, from " + SalesDates.format(first) + " to "
                + SalesDates.format(first.plusDays(45)));

        assertThat(send("PUT", path, TestUsers.NED, "{\"closeDate\":\"" + first.plusDays(60) + "\"}", null)
                .statusCode()).as("another rep's deal").isEqualTo(403);
        HttpResponse<String> past = send("PUT", path, TestUsers.IVY, "{\"closeDate\":\""
                + SalesDates.today().minusDays(1) + "\"}", null);
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("closeDate").contains("in the past");
        assertThat(send("PUT", path, TestUsers.IVY, "{\"closeDate\":\"99999-01-01\"}", null).statusCode())
                .isEqualTo(400);
        for (String malformed : new String[] {"{}", "{\"closeDate\":null}", "{\"closeDate\":\"2027-02-30\"}",
                "{\"closeDate\":\"" + first.plusDays(50) + "\",\"closeDate\":\"" + first.plusDays(90) + "\"}"}) {
            HttpResponse<String> refused = send("PUT", path, TestUsers.IVY, malformed, null);
            assertThat(refused.statusCode()).as(malformed).isEqualTo(400);
            assertThat(refused.body()).as(malformed).contains("closeDate");
        }
        assertThat(send("PUT", "/api/opportunities/no-such-deal/close-date", TestUsers.IVY, "{\"closeDate\":\""
                + first + "\"}", null).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select close_date_pushes from opportunity where id = ?", Integer.class, deal))
                .as("refusals changed nothing").isEqualTo(2);
        sweep();
        assertThat(records(account, "CLOSE_DATE_SLIPPING")).as("the sweep finds the same, raises nothing").isEqualTo(1);
    }

    @Test
    void theRenewalRowSaysWhichSubscriptionRenewsAndItsArr() throws Exception {
        Account account = account("Hudson Life & Casualty " + unique());
        accounts.addContact(account.getId(), "Ari Sponsor", null, ContactRole.EXECUTIVE_SPONSOR,
                Instant.now().minus(83, ChronoUnit.DAYS));
        LocalDate today = SalesDates.today();
        accounts.addSubscription(account.getId(), "Agent Portal", new BigDecimal("90000.00"), today.minusYears(1),
                today.plusDays(200));
        accounts.addSubscription(account.getId(), "Policy Administration Cloud", new BigDecimal("420000.00"),
                today.minusYears(1), today.plusDays(64));

        sweep();

        assertThat(reason(account, "EXEC_SILENT_NEAR_RENEWAL")).isEqualTo("Renewal of Policy Administration Cloud "
                + "($420,000) ends in 64 days; the executive sponsor was last contacted 83 days ago");
    }

    @Test
    void openCustomerEscalationsAreReadFromTheirOwnTableAnS1AtOnceAndAnOldOneAfterTenDays() throws Exception {
        Account account = account("Cedar Children's Hospital " + unique());
        accounts.addContact(account.getId(), "Mo Sponsor", null, ContactRole.EXECUTIVE_SPONSOR, Instant.now());
        HttpResponse<String> s1 = post("/api/escalations", TestUsers.IVY, JSON.writeValueAsString(Map.of(
                "accountId", account.getId(), "division", "BILLING", "severity", "S1", "summary", "Invoices doubled",
                "customerImpact", "Finance cannot close the month")));
        assertThat(s1.statusCode()).as(s1.body()).isEqualTo(201);
        HttpResponse<String> s3 = post("/api/escalations", TestUsers.IVY, JSON.writeValueAsString(Map.of(
                "accountId", account.getId(), "division", "SUPPORT", "severity", "S3", "summary", "Slow reports",
                "customerImpact", "Reports take minutes")));
        assertThat(s3.statusCode()).as(s3.body()).isEqualTo(201);

        sweep();
        assertThat(open(account)).containsEntry("ESCALATION_SEVERE", "HIGH").doesNotContainKey("ESCALATION_AGING");
        assertThat(reason(account, "ESCALATION_SEVERE")).isEqualTo("An S1 customer escalation is open (2 open in all)");

        jdbc.update("update escalation set created_at = ? where id = ?", java.sql.Timestamp.from(
                Instant.now().minus(10, ChronoUnit.DAYS)), JSON.readTree(s3.body()).get("id").asText());
        sweep();
        assertThat(open(account)).containsEntry("ESCALATION_AGING", "MEDIUM");
        assertThat(reason(account, "ESCALATION_AGING"))
                .isEqualTo("The oldest of 2 open customer escalations has been open 10 days");
    }

    private JsonNode moved(String path, LocalDate to) throws Exception {
        HttpResponse<String> response = send("PUT", path, TestUsers.IVY, "{\"closeDate\":\"" + to + "\"}", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private Account account(String name) {
        Account account = accounts.createAccount(name, Vertical.INSURANCE, "NORTHEAST", Tier.ENTERPRISE, TestUsers.IVY);
        accounts.addHealthSignal(account.getId(), Instant.now(), BigDecimal.valueOf(3), 0, BigDecimal.valueOf(4.5));
        return account;
    }

    private JsonNode sweep() throws Exception {
        HttpResponse<String> asked = post("/api/health/sweep", TestUsers.MAX, "");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        String runId = JSON.readTree(asked.body()).get("runId").asText();
        for (int round = 0; round < 200
                && management.createJobQuery().processInstanceId(runId).executable().count() > 0; round++) {
            management.createJobQuery().processInstanceId(runId).executable().list()
                    .forEach(job -> management.executeJob(job.getId()));
        }
        return JSON.readTree(get("/api/health/sweep/" + runId, TestUsers.MAX).body());
    }

    private Map<String, String> open(Account account) {
        Map<String, String> open = new java.util.HashMap<>();
        jdbc.query("select code, severity from risk_flag where account_id = ? and resolved_at is null",
                rows -> {
                    open.put(rows.getString(1), rows.getString(2));
                }, account.getId());
        return open;
    }

    private String reason(Account account, String code) {
        return jdbc.queryForObject("select reason from risk_flag where account_id = ? and code = ? "
                + "and resolved_at is null", String.class, account.getId(), code);
    }

    private int records(Account account, String code) {
        return jdbc.queryForObject("select count(*) from risk_flag where account_id = ? and code = ?", Integer.class,
                account.getId(), code);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
