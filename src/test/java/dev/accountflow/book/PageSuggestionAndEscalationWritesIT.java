package dev.accountflow.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
 * The account page's forms for expansion suggestions (accept, dismiss) and customer escalations (raise, the AM's
 * answer) answer each role as the API does: the owner and sales managers write, another rep is refused, other roles
 * get 403, anonymous goes to sign-in; a bad field comes back as the page's message and stores nothing.
 */
class PageSuggestionAndEscalationWritesIT extends PostgresIT {

    @Autowired AccountService accounts;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    private Account account;
    private String suggestion;

    @BeforeEach
    void anAccountOfIvysWithASuggestion() {
        TestUsers.ensure(identity);
        account = accounts.createAccount("Page Signals Health " + UUID.randomUUID().toString().substring(0, 8),
                Vertical.HEALTHCARE, "NORTHEAST", Tier.ENTERPRISE, TestUsers.IVY);
        suggestion = openSuggestion(account);
    }

    @ParameterizedTest(name = "{0} accepts a suggestion on the page: {1}")
    @CsvSource({"ivy, 302", "ned, 403", "max, 302", "pia, 403", "sol, 403", "sid, 403", "sue, 403", "bill, 403",
            "ada, 403", "anonymous, 401"})
    void acceptByRole(String who, int expected) {
        HttpResponse<String> answer = form(who, "/accounts/" + account.getId() + "/suggestions/" + suggestion
                + "/accept", Map.of());
        assertAnswer(who, answer, expected);
        assertThat(status(suggestion)).isEqualTo(expected == 302 ? "ACCEPTED" : "OPEN");
        assertThat(deals()).isEqualTo(expected == 302 ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} dismisses a suggestion on the page: {1}")
    @CsvSource({"ivy, 302", "ned, 403", "max, 302", "pia, 403", "sol, 403", "sid, 403", "sue, 403", "bill, 403",
            "ada, 403", "anonymous, 401"})
    void dismissByRole(String who, int expected) {
        HttpResponse<String> answer = form(who, "/accounts/" + account.getId() + "/suggestions/" + suggestion
                + "/dismiss", Map.of("reason", "Budget frozen until next year"));
        assertAnswer(who, answer, expected);
        assertThat(status(suggestion)).isEqualTo(expected == 302 ? "DISMISSED" : "OPEN");
    }

    @ParameterizedTest(name = "a dismissal with reason ''{0}'' stores nothing")
    @CsvSource(nullValues = "NULL", value = {"NULL", "''", "'   '", "TOO_LONG"})
    void aBadDismissalReasonStoresNothing(String reason) {
        Map<String, String> fields = new HashMap<>();
        if (reason != null) {
            fields.put("reason", "TOO_LONG".equals(reason) ? "r".repeat(2_001) : reason);
        }
        HttpResponse<String> answer = form(TestUsers.IVY, "/accounts/" + account.getId() + "/suggestions/"
                + suggestion + "/dismiss", fields);
        assertThat(answer.statusCode()).as("the page comes back with its message").isEqualTo(302);
        assertThat(status(suggestion)).isEqualTo("OPEN");
    }

    @Test
    void aSuggestionOfAnotherAccountIsNotFoundUnderThisOneAndChangesNothing() {
        Account neds = accounts.createAccount("Page Signals Other " + UUID.randomUUID().toString().substring(0, 8),
                Vertical.HEALTHCARE, "NORTHEAST", Tier.ENTERPRISE, TestUsers.NED);
        String nedsSuggestion = openSuggestion(neds);
        assertThat(form(TestUsers.IVY, "/accounts/" + account.getId() + "/suggestions/" + nedsSuggestion + "/accept",
                Map.of()).statusCode()).isEqualTo(404);
        assertThat(form(TestUsers.IVY, "/accounts/" + neds.getId() + "/suggestions/" + nedsSuggestion + "/accept",
                Map.of()).statusCode()).as("another rep's account").isEqualTo(403);
        assertThat(status(nedsSuggestion)).isEqualTo("OPEN");
    }

    @ParameterizedTest(name = "{0} raises an escalation on the page: {1}")
    @CsvSource({"ivy, 302", "ned, 403", "max, 302", "pia, 403", "sol, 403", "sid, 403", "sue, 403", "bill, 403",
            "ada, 403", "anonymous, 401"})
    void raiseByRole(String who, int expected) {
        HttpResponse<String> answer = form(who, "/accounts/" + account.getId() + "/escalations", escalation(Map.of()));
        assertAnswer(who, answer, expected);
        assertThat(escalations()).isEqualTo(expected == 302 ? 1 : 0);
    }

    @ParameterizedTest(name = "an escalation with {0} = {1} stores nothing")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {"division|MARKETING", "division|NULL", "severity|S9",
            "summary|''", "summary|NULL", "customerImpact|MEGABYTE"})
    void aBadEscalationStoresNothingAndStartsNothing(String field, String value) {
        Map<String, String> fields = new HashMap<>(escalation(Map.of()));
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, "MEGABYTE".equals(value) ? "x".repeat(1_000_000) : value);
        }
        HttpResponse<String> answer = form(TestUsers.IVY, "/accounts/" + account.getId() + "/escalations", fields);
        assertThat(answer.statusCode()).as("the page comes back with its message").isEqualTo(302);
        assertThat(escalations()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ in "
                + "(select id from escalation where account_id = ?)", Integer.class, account.getId())).isZero();
    }

    @ParameterizedTest(name = "{0} answers for the customer on the page: {1}")
    @CsvSource({"ivy, 302", "ned, 404", "max, 302", "pia, 403", "sol, 403", "sid, 403", "sue, 403", "bill, 403",
            "ada, 403", "anonymous, 401"})
    void answerByRole(String who, int expected) {
        form(TestUsers.IVY, "/accounts/" + account.getId() + "/escalations", escalation(Map.of()));
        String id = jdbc.queryForObject("select id from escalation where account_id = ?", String.class,
                account.getId());
        // not yet resolved: the writers get the page's message, nobody changes the escalation
        HttpResponse<String> answer = form(who, "/escalations/" + id + "/answer", Map.of("confirmed", "yes"));
        assertAnswer(who, answer, expected);
        assertThat(jdbc.queryForObject("select status from escalation where id = ?", String.class, id))
                .isNotIn("CLOSED", "REOPENED");
    }

    @Test
    void anUnknownEscalationIsNotFound() {
        assertThat(form(TestUsers.IVY, "/escalations/no-such-escalation/answer", Map.of("confirmed", "yes"))
                .statusCode()).isEqualTo(404);
    }

    private static Map<String, String> escalation(Map<String, String> changes) {
        Map<String, String> fields = new HashMap<>(Map.of("division", "BILLING", "severity", "S2",
                "summary", "Invoices doubled", "customerImpact", "Finance cannot close the month"));
        fields.putAll(changes);
        return fields;
    }

    private String openSuggestion(Account of) {
        String id = UUID.randomUUID().toString();
        String product = "Page Product " + UUID.randomUUID().toString().substring(0, 6);
        jdbc.update("insert into expansion_suggestion (id, account_id, kind, product, reason, estimated_amount, rule_row, "
                + "rule_set_version, quiet_days, status, open_key, suggested_at) values (?, ?, 'WHITESPACE', ?, "
                + "'Fits and complements', 50000, 'A product of the account''s vertical that complements one it owns', "
                + "1, 90, 'OPEN', ?, now())", id, of.getId(), product, of.getId() + "|WHITESPACE|" + product);
        return id;
    }

    private String status(String suggestionId) {
        return jdbc.queryForObject("select status from expansion_suggestion where id = ?", String.class, suggestionId);
    }

    private int deals() {
        return jdbc.queryForObject("select count(*) from opportunity where account_id = ?", Integer.class,
                account.getId());
    }

    private int escalations() {
        return jdbc.queryForObject("select count(*) from escalation where account_id = ?", Integer.class,
                account.getId());
    }

    private HttpResponse<String> form(String user, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return post(path, "anonymous".equals(user) ? null : user, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void assertAnswer(String who, HttpResponse<String> answer, int expected) {
        if (expected == 401) {
            assertThat(answer.statusCode()).as(who).isIn(401, 302);
            if (answer.statusCode() == 302) {
                assertThat(answer.headers().firstValue("Location").orElse("")).contains("/login");
            }
            return;
        }
        assertThat(answer.statusCode()).as(who + ": " + answer.body()).isEqualTo(expected);
    }
}
