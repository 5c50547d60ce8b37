package dev.accountflow.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Contact;
import dev.accountflow.account.ContactRole;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The account page's forms (touch point, plan objective, objective status) answer each role as the API does: the
 * owner and sales managers write, another rep gets 404, other roles 403, anonymous goes to sign-in; a bad field
 * stores nothing.
 */
class BookPageWritesIT extends PostgresIT {

    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    @Autowired AccountService accounts;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    private Account account;
    private Contact sponsor;

    @BeforeEach
    void anAccountOfIvys() {
        TestUsers.ensure(identity);
        account = accounts.createAccount("Page Writes Health " + UUID.randomUUID().toString().substring(0, 8),
                Vertical.HEALTHCARE, "NORTHEAST", Tier.STRATEGIC, TestUsers.IVY);
        sponsor = accounts.addContact(account.getId(), "Pat Sponsor", "pat@example.org", ContactRole.EXECUTIVE_SPONSOR,
                Instant.now().minusSeconds(86_400 * 90L));
    }

    @ParameterizedTest(name = "{0} records a touch point: {1}")
    @CsvSource({"ivy, 302", "ned, 404", "max, 302", "pia, 403", "sol, 403", "sid, 403", "sue, 403", "bill, 403",
            "ada, 403", "anonymous, 401"})
    void touchPointByRole(String who, int expected) {
        HttpResponse<String> answer = form(who, "/accounts/" + account.getId() + "/touch-points",
                touchPoint(Map.of()));
        assertAnswer(who, answer, expected, "/accounts/" + account.getId());
        assertThat(touchPoints()).isEqualTo(expected == 302 ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} says a contact left: {1}")
    @CsvSource({"ivy, 302", "ned, 404", "max, 302", "pia, 403", "sol, 403", "sid, 403", "sue, 403", "bill, 403",
            "ada, 403", "anonymous, 401"})
    void departureByRole(String who, int expected) {
        HttpResponse<String> answer = form(who, "/accounts/" + account.getId() + "/contacts/" + sponsor.getId()
                + "/departure", Map.of("date", TODAY));
        assertAnswer(who, answer, expected, "/accounts/" + account.getId());
        assertThat(departed()).isEqualTo(expected == 302 ? 1 : 0);
        if (expected == 302) {
            assertThat(jdbc.queryForObject("select count(*) from risk_flag where account_id = ? and code = "
                    + "'SPONSOR_LEFT' and resolved_at is null", Integer.class, account.getId()))
                    .as("the account turns red at once").isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "a departure on {0} stores nothing")
    @CsvSource(nullValues = "NULL", value = {"NULL", "tomorrow", "1899-12-31", "2026-02-30", "'4 Jan 2027'"})
    void badDepartureDayStoresNothing(String date) {
        String day = "tomorrow".equals(date) ? LocalDate.now(ZoneOffset.UTC).plusDays(1).toString() : date;
        HttpResponse<String> answer = form(TestUsers.IVY, "/accounts/" + account.getId() + "/contacts/"
                + sponsor.getId() + "/departure", day == null ? Map.of() : Map.of("date", day));
        assertThat(answer.statusCode()).as("the page comes back with its message").isEqualTo(302);
        assertThat(departed()).isZero();
    }

    @ParameterizedTest(name = "{0} adds a plan objective: {1}")
    @CsvSource({"ivy, 302", "ned, 404", "max, 302", "pia, 403", "sol, 403", "sid, 403", "sue, 403", "bill, 403",
            "ada, 403", "anonymous, 401"})
    void objectiveByRole(String who, int expected) {
        HttpResponse<String> answer = form(who, "/accounts/" + account.getId() + "/plan/objectives", objective(Map.of()));
        assertAnswer(who, answer, expected, "/accounts/" + account.getId());
        assertThat(objectives()).isEqualTo(expected == 302 ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} moves an objective: {1}")
    @CsvSource({"ivy, 302", "ned, 404", "max, 302", "pia, 403", "sol, 403", "sid, 403", "sue, 403", "bill, 403",
            "ada, 403", "anonymous, 401"})
    void objectiveStatusByRole(String who, int expected) {
        String objectiveId = anObjective();
        HttpResponse<String> answer = form(who, "/accounts/" + account.getId() + "/plan/objectives/" + objectiveId,
                Map.of("status", "ON_TRACK"));
        assertAnswer(who, answer, expected, "/accounts/" + account.getId());
        assertThat(status(objectiveId)).isEqualTo(expected == 302 ? "ON_TRACK" : "NOT_STARTED");
    }

    @ParameterizedTest(name = "touch point with {0} = {1} stores nothing")
    @CsvSource(delimiter = '|', value = {"kind|SMOKE_SIGNAL", "kind|", "date|2026-02-30", "date|9999-12-31",
            "date|yesterday", "contactId|no-such-contact", "note|TOO_LONG"})
    void badTouchPointStoresNothing(String field, String value) {
        String bad = "TOO_LONG".equals(value) ? "n".repeat(2_001) : value == null ? "" : value;
        HttpResponse<String> answer = form(TestUsers.IVY, "/accounts/" + account.getId() + "/touch-points",
                touchPoint(Map.of(field, bad)));
        assertThat(answer.statusCode()).as("the form comes back with its message").isEqualTo(302);
        assertThat(touchPoints()).isZero();
        assertThat(jdbc.queryForObject("select last_engaged_at from contact where id = ?", java.sql.Timestamp.class,
                sponsor.getId()).toInstant()).as("the sponsor's last contact is unchanged").isBefore(Instant.now()
                .minusSeconds(86_400 * 80L));
    }

    @ParameterizedTest(name = "objective with {0} = {1} stores nothing")
    @CsvSource(delimiter = '|', value = {"quarter|5", "quarter|0", "quarter|two", "objective|", "objective|TOO_LONG",
            "measure|", "target|", "owner|"})
    void badObjectiveStoresNothing(String field, String value) {
        String bad = "TOO_LONG".equals(value) ? "o".repeat(501) : value == null ? "" : value;
        HttpResponse<String> answer = form(TestUsers.IVY, "/accounts/" + account.getId() + "/plan/objectives",
                objective(Map.of(field, bad)));
        assertThat(answer.statusCode()).isIn(302, 400);
        assertThat(objectives()).isZero();
    }

    @Test
    void anUnknownStatusOrAnotherAccountsObjectiveChangesNothing() {
        String objectiveId = anObjective();
        assertThat(form(TestUsers.IVY, "/accounts/" + account.getId() + "/plan/objectives/" + objectiveId,
                Map.of("status", "FINISHED")).statusCode()).isEqualTo(302);
        assertThat(status(objectiveId)).isEqualTo("NOT_STARTED");

        Account other = accounts.createAccount("Page Writes Other " + UUID.randomUUID().toString().substring(0, 8),
                Vertical.INSURANCE, "NORTHEAST", Tier.STRATEGIC, TestUsers.IVY);
        assertThat(form(TestUsers.IVY, "/accounts/" + other.getId() + "/plan/objectives/" + objectiveId,
                Map.of("status", "DONE")).statusCode()).as("an objective of another account").isEqualTo(404);
        assertThat(status(objectiveId)).isEqualTo("NOT_STARTED");
    }

    @ParameterizedTest(name = "{0} logs a feature request on the account page: {1}")
    @CsvSource({"ivy, 302", "ned, 403", "max, 302", "pia, 403", "sol, 403", "sid, 403", "sue, 403", "bill, 403",
            "ada, 403", "anonymous, 401"})
    void featureRequestByRole(String who, int expected) {
        HttpResponse<String> answer = form(who, "/accounts/" + account.getId() + "/feature-requests",
                featureRequest(Map.of()));
        assertAnswer(who, answer, expected, "/accounts/" + account.getId());
        assertThat(featureRequests()).isEqualTo(expected == 302 ? 1 : 0);
    }

    @ParameterizedTest(name = "feature request with {0} = {1} stores nothing")
    @CsvSource(delimiter = '|', value = {"title|", "title|TOO_LONG", "businessImpact|", "businessImpact|URGENT",
            "productArea|KITCHEN", "duplicateOf|no-such-request"})
    void badFeatureRequestStoresNothing(String field, String value) {
        String bad = "TOO_LONG".equals(value) ? "t".repeat(201) : value == null ? "" : value;
        HttpResponse<String> answer = form(TestUsers.IVY, "/accounts/" + account.getId() + "/feature-requests",
                featureRequest(Map.of(field, bad)));
        assertThat(answer.statusCode()).as("the form comes back with its message").isIn(302, 404);
        assertThat(featureRequests()).isZero();
    }

    @ParameterizedTest(name = "{0} links a repeat on the feature request board: {1}")
    @CsvSource({"ivy, 302", "ned, 403", "max, 302", "pia, 302", "sol, 403", "sid, 403", "sue, 403", "bill, 403",
            "ada, 403", "anonymous, 401"})
    void linkingADuplicateOnTheBoardByRole(String who, int expected) {
        String asked = UUID.randomUUID().toString().substring(0, 8);
        String master = loggedByIvy("Single sign-on for clinicians " + asked);
        String repeat = loggedByIvy("Clinicians single sign-on " + asked);
        HttpResponse<String> answer = form(who, "/feature-requests/" + repeat + "/duplicate-of",
                Map.of("masterId", master));
        assertAnswer(who, answer, expected, "/feature-requests");
        assertThat(jdbc.queryForObject("select master_id from feature_request where id = ?", String.class, repeat))
                .isEqualTo(expected == 302 ? master : null);
        assertThat(jdbc.queryForObject("select requesting_accounts from feature_request where id = ?", Integer.class,
                master)).as("the same account asking twice counts once").isEqualTo(1);
    }

    @ParameterizedTest(name = "linking on the board with masterId = {0} links nothing")
    @CsvSource(delimiter = '|', value = {"''|masterId: pick the open request it repeats",
            "no-such-request|masterId: no-such-request is not an open feature request",
            "SELF|masterId: the request itself"})
    void aBadLinkOnTheBoardComesBackWithItsMessage(String masterId, String message) {
        String repeat = loggedByIvy("Clinicians single sign-on " + UUID.randomUUID().toString().substring(0, 8));
        HttpResponse<String> answer = form(TestUsers.PRODUCT_MANAGER, "/feature-requests/" + repeat + "/duplicate-of",
                Map.of("masterId", "SELF".equals(masterId) ? repeat : masterId));
        assertAnswer(TestUsers.PRODUCT_MANAGER, answer, 302, "/feature-requests");
        assertThat(followInSession(answer, "/feature-requests", TestUsers.PRODUCT_MANAGER).body())
                .as("the board shows why").contains(message);
        assertThat(jdbc.queryForObject("select master_id from feature_request where id = ?", String.class, repeat))
                .isNull();
    }

    private String loggedByIvy(String title) {
        HttpResponse<String> logged = post("/api/feature-requests", TestUsers.IVY, "{\"accountId\":\""
                + account.getId() + "\",\"title\":\"" + title + "\",\"description\":\"Clinicians sign in twice\","
                + "\"productArea\":\"PLATFORM\",\"businessImpact\":\"BLOCKS_RENEWAL\"}");
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        return jdbc.queryForObject("select id from feature_request where title = ?", String.class, title);
    }

    private static Map<String, String> featureRequest(Map<String, String> overrides) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("title", "Single sign-on for clinicians",
                "description", "Clinicians sign in twice a day", "businessImpact", "BLOCKS_RENEWAL"));
        fields.putAll(overrides);
        return fields;
    }

    private long featureRequests() {
        return jdbc.queryForObject("select count(*) from feature_request where account_id = ?", Long.class,
                account.getId());
    }

    private Map<String, String> touchPoint(Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("contactId", sponsor.getId(), "kind", "MEETING",
                "date", TODAY, "note", "Quarterly business review"));
        fields.putAll(overrides);
        return fields;
    }

    private static Map<String, String> objective(Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("quarter", "2", "objective", "Expand to the clinics",
                "measure", "Clinics live", "target", "4", "owner", TestUsers.IVY));
        fields.putAll(overrides);
        return fields;
    }

    private String anObjective() {
        assertThat(form(TestUsers.IVY, "/accounts/" + account.getId() + "/plan/objectives", objective(Map.of()))
                .statusCode()).isEqualTo(302);
        return jdbc.queryForObject("select o.id from plan_objective o join account_plan p on p.id = o.plan_id"
                + " where p.account_id = ?", String.class, account.getId());
    }

    private int departed() {
        return jdbc.queryForObject("select count(*) from contact where account_id = ? and left_at is not null",
                Integer.class, account.getId());
    }

    private HttpResponse<String> form(String user, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return post(path, "anonymous".equals(user) ? null : user, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertAnswer(String who, HttpResponse<String> answer, int expected, String page) {
        if (expected == 401) {
            assertThat(answer.statusCode()).as(who).isIn(401, 302);
            if (answer.statusCode() == 302) {
                assertThat(answer.headers().firstValue("Location").orElse("")).contains("/login");
            }
            return;
        }
        assertThat(answer.statusCode()).as(who + ": " + answer.body()).isEqualTo(expected);
        if (expected == 302) {
            assertThat(answer.headers().firstValue("Location").orElse("")).contains(page);
        }
    }

    private long touchPoints() {
        return jdbc.queryForObject("select count(*) from touch_point where account_id = ?", Long.class, account.getId());
    }

    private long objectives() {
        return jdbc.queryForObject("select count(*) from plan_objective o join account_plan p on p.id = o.plan_id"
                + " where p.account_id = ?", Long.class, account.getId());
    }

    private String status(String objectiveId) {
        return jdbc.queryForObject("select status from plan_objective where id = ?", String.class, objectiveId);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
