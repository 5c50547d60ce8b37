package dev.accountflow.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.money.SalesDates;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The opportunities page's form answers each role as the API does and names every bad field without storing
 * anything or starting a process; the forecast page shows a rep her own row and lets sales managers set quotas typed
 * like 702,400.
 */
class OpportunityPagesIT extends PostgresIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired AccountService accounts;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;

    private Account account;

    @BeforeEach
    void anAccountOfIvys() {
        TestUsers.ensure(identity);
        account = accounts.createAccount("Deal Page Mutual " + UUID.randomUUID().toString().substring(0, 8),
                Vertical.INSURANCE, "NORTHEAST", Tier.ENTERPRISE, TestUsers.IVY);
    }

    @ParameterizedTest(name = "{0} opens an opportunity on the page: {1}")
    @CsvSource({"ivy, 302", "ned, 403", "max, 302", "pia, 403", "sol, 403", "sid, 403", "sue, 403", "bill, 403",
            "ada, 403", "anonymous, 401"})
    void openByRole(String who, int expected) {
        HttpResponse<String> answer = form(who, "/opportunities", deal(Map.of()));
        if (expected == 401) {
            assertThat(answer.statusCode()).as(who).isIn(401, 302);
            if (answer.statusCode() == 302) {
                assertThat(answer.headers().firstValue("Location").orElse("")).contains("/login");
            }
        } else {
            assertThat(answer.statusCode()).as(who + ": " + answer.body()).isEqualTo(expected);
        }
        assertThat(deals()).isEqualTo(expected == 302 ? 1 : 0);
        assertThat(processes()).isEqualTo(expected == 302 ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} sets a quota on the forecast page: {1}")
    @CsvSource({"max, 302", "ivy, 403", "ned, 403", "pia, 403", "sol, 403", "sid, 403", "sue, 403", "bill, 403",
            "ada, 403", "mona, 403", "anonymous, 401"})
    void setQuotaByRole(String who, int expected) {
        String quarter = "2033-Q" + (1 + Math.floorMod(who.hashCode(), 4));
        HttpResponse<String> answer = form(who, "/forecast/quotas", Map.of("userId", TestUsers.NED, "quarter", quarter,
                "type", "NEW_BUSINESS", "target", "123,456"));
        if (expected == 401) {
            assertThat(answer.statusCode()).as(who).isIn(401, 302);
            if (answer.statusCode() == 302) {
                assertThat(answer.headers().firstValue("Location").orElse("")).contains("/login");
            }
        } else {
            assertThat(answer.statusCode()).as(who + ": " + answer.body()).isEqualTo(expected);
        }
        Long stored = jdbc.queryForObject("select count(*) from quota where user_id = ? and quarter = ? and type = ?"
                + " and target = 123456", Long.class, TestUsers.NED, quarter, "NEW_BUSINESS");
        assertThat(stored).as("quota stored for " + who).isEqualTo(expected == 302 ? 1L : 0L);
        jdbc.update("delete from quota where user_id = ? and quarter = ?", TestUsers.NED, quarter);
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is refused naming the field")
    @CsvSource(delimiter = '|', value = {
            "accountId|no-such-account|accountId: no account 'no-such-account'",
            "amount|-5|amount: must be more than $0",
            "amount|0|amount: must be more than $0",
            "amount|12.345|amount: '12.345' is not an amount",
            "amount|lots|amount: 'lots' is not an amount",
            "closeDate|PAST|closeDate:",
            "closeDate|2027-02-30|closeDate: '2027-02-30' is not a date",
            "partnerId|no-such-partner|partnerId: no partner 'no-such-partner'",
            "type|RENEWAL|type: pick Expansion or New business",
            "name||name: is required",
            "product||product: is required"})
    void badFieldsAreNamedAndNothingIsStoredOrStarted(String field, String value, String message) {
        String typed = "PAST".equals(value) ? TODAY.minusDays(1).toString() : value == null ? "" : value;
        HttpResponse<String> answer = form(TestUsers.IVY, "/opportunities", deal(Map.of(field, typed)));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("The opportunity was not opened").contains(html(message));
        if ("PAST".equals(value)) {
            assertThat(answer.body()).contains(SalesDates.format(TODAY.minusDays(1)) + " is in the past");
        }
        assertThat(deals()).isZero();
        assertThat(processes()).isZero();
    }

    @Test
    void anAmountTypedWithCommasMeansThatAmountAndThePageShowsItAsMoney() {
        LocalDate close = TODAY.plusDays(40);
        HttpResponse<String> answer = form(TestUsers.IVY, "/opportunities",
                deal(Map.of("amount", "$702,400", "closeDate", close.toString())));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select amount from opportunity where account_id = ?", BigDecimal.class,
                account.getId())).isEqualByComparingTo("702400");
        String page = get("/opportunities", TestUsers.IVY).body();
        assertThat(page).contains(account.getName()).contains("$702,400").contains(SalesDates.format(close))
                .contains("Qualify").contains("10 %");
        assertThat(get("/opportunities", TestUsers.NED).body()).doesNotContain(account.getName());
        assertThat(get("/opportunities", TestUsers.PRODUCT_MANAGER).statusCode()).isEqualTo(403);
    }

    @Test
    void aRepSeesHerOwnForecastRowAndAManagerEveryonesAndSetsQuotasTypedAsMoney() {
        String quarter = "2031-Q2";
        jdbc.update("delete from quota where quarter = ?", quarter);
        HttpResponse<String> set = form(TestUsers.MAX, "/forecast/quotas",
                Map.of("userId", TestUsers.IVY, "quarter", quarter, "type", "EXPANSION", "target", "702,400"));
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(set.headers().firstValue("Location").orElse("")).contains("/forecast?quarter=" + quarter);
        form(TestUsers.MAX, "/forecast/quotas",
                Map.of("userId", TestUsers.NED, "quarter", quarter, "type", "NEW_BUSINESS", "target", "250000"));
        assertThat(jdbc.queryForObject("select target from quota where user_id = ? and quarter = ? and type = ?",
                BigDecimal.class, TestUsers.IVY, quarter, "EXPANSION")).isEqualByComparingTo("702400");

        String managers = get("/forecast?quarter=" + quarter, TestUsers.MAX).body();
        assertThat(managers).contains("data-rep=\"ivy\"").contains("data-rep=\"ned\"").contains("$702,400")
                .contains("$952,400").contains("id=\"quota-form\"").contains("/webjars/echarts/5.3.1/dist/echarts.min.js");
        String ivys = get("/forecast?quarter=" + quarter, TestUsers.IVY).body();
        assertThat(ivys).contains("data-rep=\"ivy\"").doesNotContain("data-rep=\"ned\"").contains("$702,400")
                .doesNotContain("id=\"quota-form\"");
        assertThat(get("/forecast?quarter=" + quarter + "&owner=ned", TestUsers.IVY).statusCode()).isEqualTo(403);
        assertThat(get("/forecast?quarter=2031-Q5", TestUsers.MAX).statusCode()).isEqualTo(400);
        assertThat(get("/forecast", TestUsers.PRODUCT_MANAGER).statusCode()).isEqualTo(403);
        assertThat(get("/webjars/echarts/5.3.1/dist/echarts.min.js", TestUsers.IVY).statusCode()).isEqualTo(200);

        assertThat(form(TestUsers.IVY, "/forecast/quotas", Map.of("userId", TestUsers.IVY, "quarter", quarter,
                "type", "EXPANSION", "target", "9,999,999")).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = form(TestUsers.MAX, "/forecast/quotas", Map.of("userId", TestUsers.IVY,
                "quarter", quarter, "type", "EXPANSION", "target", "12.345"));
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(form(TestUsers.MAX, "/forecast/quotas", Map.of("userId", "nobody", "quarter", quarter,
                "type", "EXPANSION", "target", "5")).statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select target from quota where user_id = ? and quarter = ? and type = ?",
                BigDecimal.class, TestUsers.IVY, quarter, "EXPANSION")).as("refused quotas change nothing")
                .isEqualByComparingTo("702400");
        assertThat(jdbc.queryForObject("select count(*) from quota where user_id = 'nobody'", Long.class)).isZero();
    }

    private Map<String, String> deal(Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("accountId", account.getId(), "type", "EXPANSION",
                "name", "Agent portal for the brokers", "product", "Agent Portal", "amount", "125,000",
                "closeDate", TODAY.plusDays(30).toString(), "partnerId", ""));
        fields.putAll(overrides);
        return fields;
    }

    private long deals() {
        return jdbc.queryForObject("select count(*) from opportunity where account_id = ?", Long.class, account.getId());
    }

    private long processes() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("opportunity")
                .variableValueEquals("accountId", account.getId()).count();
    }

    private HttpResponse<String> form(String user, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return post(path, "anonymous".equals(user) ? null : user, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("'", "&#39;");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
