package dev.accountflow.expansion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Expansion signals on the real book: the nightly sweep's pages against one account at a time, a second sweep that
 * adds nothing, and the API a rep uses to accept or dismiss (her own accounts only; quiet periods; accept once).
 */
class ExpansionSignalsIT extends PostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired AccountService accounts;
    @Autowired ExpansionSignals signals;
    @Autowired SignalFacts facts;
    @Autowired RuleBook rules;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void theSweepSuggestsWhatEachAccountAloneWouldAndASecondSweepAddsNothing() throws Exception {
        Account insurer = insurerOwningPolicyAdministration();
        Account busy = account("Brightwater Clinics " + unique(), Vertical.HEALTHCARE, TestUsers.IVY);
        accounts.addSubscription(busy.getId(), "Care Coordination Suite", new BigDecimal("180000"),
                LocalDate.now().minusMonths(3), LocalDate.now().plusMonths(9));
        signal(busy, "20", "95");
        Account nearMiss = account("Stillwater Health " + unique(), Vertical.HEALTHCARE, TestUsers.IVY);
        accounts.addSubscription(nearMiss.getId(), "Care Coordination Suite", new BigDecimal("180000"),
                LocalDate.now().minusMonths(3), LocalDate.now().plusMonths(9));
        signal(nearMiss, "19", "89");
        Account renewed = account("Keystone Payments " + unique(), Vertical.FINANCIAL_SERVICES, TestUsers.NED);
        String sub = accounts.addSubscription(renewed.getId(), "Payments Analytics", new BigDecimal("60000"),
                LocalDate.now().minusDays(10), LocalDate.now().plusDays(355)).getId();
        jdbc.update("insert into subscription_term (id, subscription_id, start_date, end_date, arr, outcome, recorded_at) "
                + "values (?, ?, ?, ?, 60000, 'RENEWED', now() - interval '400 days')", UUID.randomUUID().toString(), sub,
                java.sql.Date.valueOf(LocalDate.now().minusDays(375)), java.sql.Date.valueOf(LocalDate.now().minusDays(11)));
        jdbc.update("insert into subscription_term (id, subscription_id, start_date, end_date, arr, recorded_at) "
                + "values (?, ?, ?, ?, 60000, now() - interval '5 days')", UUID.randomUUID().toString(), sub,
                java.sql.Date.valueOf(LocalDate.now().minusDays(10)), java.sql.Date.valueOf(LocalDate.now().plusDays(355)));
        signal(renewed, null, null, "4.7");
        List<Account> mine = List.of(insurer, busy, nearMiss, renewed);

        sweep();

        Set<String> swept = openKeys(mine);
        Set<String> oneByOne = new TreeSet<>();
        for (Account account : mine) {
            ExpansionSignalsTable.run(rules.get(ExpansionSignalsTable.NAME),
                    facts.of(dev.accountflow.account.AccountRange.one(account.getId())))
                    .forEach(s -> oneByOne.add(s.key()));
        }
        assertThat(swept).isEqualTo(oneByOne).containsExactlyInAnyOrder(
                insurer.getId() + "|WHITESPACE|Risk & Compliance Hub",
                insurer.getId() + "|WHITESPACE|Claims Analytics",
                insurer.getId() + "|WHITESPACE|Agent Portal",
                busy.getId() + "|GROWTH|Care Coordination Suite",
                busy.getId() + "|WHITESPACE|Claims Analytics",
                busy.getId() + "|WHITESPACE|Patient Engagement Cloud",
                nearMiss.getId() + "|WHITESPACE|Claims Analytics",
                nearMiss.getId() + "|WHITESPACE|Patient Engagement Cloud",
                renewed.getId() + "|HAPPY_RENEWAL|Payments Analytics");
        assertThat(jdbc.queryForObject("select rules_fired from decision_record d join expansion_suggestion s "
                + "on s.decision_id = d.id where s.account_id = ? and s.kind = 'GROWTH'", String.class, busy.getId()))
                .as("the decision names the row that suggested it").isEqualTo("Active users up 20% or more over the quarter");

        long suggestionsBefore = count("select count(*) from expansion_suggestion");
        long decisionsBefore = count("select count(*) from decision_record where decision_type = 'expansion-suggestion'");
        sweep();
        assertThat(count("select count(*) from expansion_suggestion")).as("a second sweep suggests nothing new")
                .isEqualTo(suggestionsBefore);
        assertThat(count("select count(*) from decision_record where decision_type = 'expansion-suggestion'"))
                .isEqualTo(decisionsBefore);
        assertThat(openKeys(mine)).isEqualTo(swept);
    }

    @Test
    void aSignalThatGoesAwayWithdrawsItsOpenSuggestion() throws Exception {
        Account busy = account("Ridgeline Care " + unique(), Vertical.HEALTHCARE, TestUsers.IVY);
        accounts.addSubscription(busy.getId(), "Care Coordination Suite", new BigDecimal("100000"),
                LocalDate.now().minusMonths(3), LocalDate.now().plusMonths(9));
        signal(busy, "30", null);
        signals.assessAccount(busy.getId());
        String growth = busy.getId() + "|GROWTH|Care Coordination Suite";
        assertThat(openKeys(List.of(busy))).contains(growth);

        signal(busy, "5", null);
        ExpansionSignals.Tally tally = signals.assessAccount(busy.getId());
        assertThat(tally.withdrawn()).isEqualTo(1);
        assertThat(openKeys(List.of(busy))).doesNotContain(growth).isNotEmpty();
    }

    @Test
    void aRepSeesHerAccountsSuggestionsRankedAndAnotherRepIsRefused() throws Exception {
        Account insurer = insurerOwningPolicyAdministration();
        signals.assessAccount(insurer.getId());

        HttpResponse<String> listed = get("/api/accounts/" + insurer.getId() + "/suggestions", TestUsers.IVY);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode list = JSON.readTree(listed.body());
        assertThat(list.findValuesAsText("product")).as("largest estimate first")
                .containsExactly("Risk & Compliance Hub", "Claims Analytics", "Agent Portal");
        JsonNode claims = list.get(1);
        assertThat(claims.get("estimatedAmount").decimalValue()).isEqualByComparingTo("150000");
        assertThat(claims.get("kind").asText()).isEqualTo("WHITESPACE");
        assertThat(claims.get("ruleRow").asText())
                .isEqualTo("A product of the account's vertical that complements one it owns");
        assertThat(claims.get("reason").asText()).isEqualTo("Claims Analytics fits insurance and complements "
                + "Policy Administration Cloud, which " + insurer.getName() + " owns");
        String id = claims.get("id").asText();

        assertThat(get("/api/accounts/" + insurer.getId() + "/suggestions", TestUsers.NED).statusCode()).isEqualTo(403);
        assertThat(post("/api/suggestions/" + id + "/accept", TestUsers.NED, "").statusCode()).isEqualTo(403);
        assertThat(post("/api/suggestions/" + id + "/dismiss", TestUsers.NED, "{\"reason\":\"Not mine\"}").statusCode())
                .isEqualTo(403);
        assertThat(post("/api/suggestions/" + id + "/accept", TestUsers.PRODUCT_MANAGER, "").statusCode()).isEqualTo(403);
        assertThat(get("/api/accounts/" + insurer.getId() + "/suggestions", TestUsers.MAX).statusCode()).isEqualTo(200);
        assertThat(get("/api/accounts/no-such-account/suggestions", TestUsers.IVY).statusCode()).isEqualTo(404);
        assertThat(post("/api/suggestions/no-such-suggestion/accept", TestUsers.IVY, "").statusCode()).isEqualTo(404);
        assertThat(count("select count(*) from expansion_suggestion where id = '" + id + "' and status = 'OPEN'"))
                .as("refused requests changed nothing").isEqualTo(1);
    }

    @Test
    void acceptingTwiceOpensOneExpansionOpportunityLinkedToTheSuggestion() throws Exception {
        Account insurer = insurerOwningPolicyAdministration();
        signals.assessAccount(insurer.getId());
        String id = suggestion(insurer, "Claims Analytics");

        HttpResponse<String> first = post("/api/suggestions/" + id + "/accept", TestUsers.IVY, "");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode deal = JSON.readTree(first.body());
        assertThat(deal.get("type").asText()).isEqualTo("EXPANSION");
        assertThat(deal.get("stage").asText()).isEqualTo("QUALIFY");
        assertThat(deal.get("product").asText()).isEqualTo("Claims Analytics");
        assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("150000");
        assertThat(deal.get("name").asText()).isEqualTo(insurer.getName() + " — Claims Analytics expansion");
        assertThat(deal.get("ownerId").asText()).isEqualTo(TestUsers.IVY);
        assertThat(deal.get("processInstanceId").isNull()).isFalse();
        assertThat(deal.get("suggestionId").asText()).isEqualTo(id);

        HttpResponse<String> again = post("/api/suggestions/" + id + "/accept", TestUsers.IVY, "");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("id").asText()).isEqualTo(deal.get("id").asText());

        JsonNode filtered = JSON.readTree(get("/api/opportunities?accountId=" + insurer.getId() + "&type=EXPANSION",
                TestUsers.IVY).body());
        assertThat(filtered.get("totalElements").asInt()).as("one opportunity for two accepts").isEqualTo(1);
        assertThat(filtered.get("content").get(0).get("id").asText()).isEqualTo(deal.get("id").asText());
        assertThat(JSON.readTree(get("/api/opportunities?accountId=" + insurer.getId() + "&type=NEW_BUSINESS",
                TestUsers.IVY).body()).get("totalElements").asInt()).isZero();
        assertThat(count("select count(*) from opportunity where account_id = '" + insurer.getId() + "'")).isEqualTo(1);
        assertThat(get("/api/accounts/" + insurer.getId() + "/suggestions", TestUsers.IVY).body())
                .doesNotContain(id);
        assertThat(decisionsAbout(insurer, id)).containsExactly("expansion-suggestion", "expansion-accept");

        signals.assessAccount(insurer.getId());
        assertThat(openKeys(List.of(insurer))).as("not suggested again while its opportunity is open")
                .doesNotContain(insurer.getId() + "|WHITESPACE|Claims Analytics");
        assertThat(post("/api/suggestions/" + id + "/dismiss", TestUsers.IVY, "{\"reason\":\"Too late\"}").statusCode())
                .as("an accepted suggestion is not dismissed").isEqualTo(409);
    }

    @Test
    void twoAcceptsAtOnceOpenOneOpportunity() throws Exception {
        Account insurer = insurerOwningPolicyAdministration();
        signals.assessAccount(insurer.getId());
        String id = suggestion(insurer, "Claims Analytics");
        java.util.concurrent.ExecutorService clicks = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = clicks.invokeAll(List.of(
                    () -> post("/api/suggestions/" + id + "/accept", TestUsers.IVY, ""),
                    () -> post("/api/suggestions/" + id + "/accept", TestUsers.MAX, "")));
            Set<String> deals = new TreeSet<>();
            for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
                deals.add(JSON.readTree(answer.get().body()).get("id").asText());
            }
            assertThat(deals).hasSize(1);
        } finally {
            clicks.shutdown();
        }
        assertThat(count("select count(*) from opportunity where account_id = '" + insurer.getId() + "'")).isEqualTo(1);
    }

    @Test
    void aDismissedSuggestionStaysAwayForItsQuietPeriodAndReturnsAfter() throws Exception {
        Account insurer = insurerOwningPolicyAdministration();
        signals.assessAccount(insurer.getId());
        String id = suggestion(insurer, "Agent Portal");

        HttpResponse<String> blank = post("/api/suggestions/" + id + "/dismiss", TestUsers.IVY, "{\"reason\":\"  \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("reason");
        HttpResponse<String> missing = post("/api/suggestions/" + id + "/dismiss", TestUsers.IVY, "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("reason");
        assertThat(post("/api/suggestions/" + id + "/dismiss", TestUsers.IVY, "{\"reason\":\"" + "x".repeat(1001) + "\"}")
                .statusCode()).isEqualTo(400);

        HttpResponse<String> dismissed = post("/api/suggestions/" + id + "/dismiss", TestUsers.IVY,
                "{\"reason\":\"They run agents through a partner portal\"}");
        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(200);
        assertThat(JSON.readTree(dismissed.body()).get("hiddenUntil").asText())
                .isEqualTo(LocalDate.now().plusDays(90).toString());
        String agentPortal = insurer.getId() + "|WHITESPACE|Agent Portal";

        signals.assessAccount(insurer.getId());
        assertThat(openKeys(List.of(insurer))).doesNotContain(agentPortal);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(89, ChronoUnit.DAYS)));
        signals.assessAccount(insurer.getId());
        assertThat(openKeys(List.of(insurer))).as("day 89 of 90: still quiet").doesNotContain(agentPortal);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(91, ChronoUnit.DAYS)));
        signals.assessAccount(insurer.getId());
        assertThat(openKeys(List.of(insurer))).as("after the quiet period it returns").contains(agentPortal);
        assertThat(suggestion(insurer, "Agent Portal")).as("as a new suggestion").isNotEqualTo(id);
        assertThat(decisionsAbout(insurer, id)).containsExactly("expansion-suggestion", "expansion-dismiss");
    }

    @Test
    void salesManagersKeepTheTableLikeTheOtherRuleSetsAndSimulateItOverTheBook() throws Exception {
        Account busy = account("Fairhaven Clinics " + unique(), Vertical.HEALTHCARE, TestUsers.IVY);
        accounts.addSubscription(busy.getId(), "Care Coordination Suite", new BigDecimal("100000"),
                LocalDate.now().minusMonths(3), LocalDate.now().plusMonths(9));
        signal(busy, "22", null);
        assertThat(JSON.readTree(get("/api/rule-sets", TestUsers.IVY).body()).findValuesAsText("name"))
                .contains(ExpansionSignalsTable.NAME);
        JsonNode table = JSON.readTree(get("/api/rule-sets/expansion-signals/table", TestUsers.IVY).body());
        assertThat(table.get("columns").findValuesAsText("key")).contains("kind", "activeUsersUpAtLeast", "amountPct",
                "quietDays", "reason");
        int latest = JSON.readTree(get("/api/rule-sets/expansion-signals", TestUsers.MAX).body()).get("latestVersion")
                .asInt();
        com.fasterxml.jackson.databind.node.ObjectNode draft = JSON.createObjectNode();
        draft.put("baseVersion", latest);
        draft.put("comment", "Growth from 25% up");
        com.fasterxml.jackson.databind.node.ArrayNode rows = draft.putArray("rows");
        table.get("rows").forEach(r -> {
            com.fasterxml.jackson.databind.node.ObjectNode row = rows.addObject();
            row.put("name", r.get("name").asText());
            com.fasterxml.jackson.databind.node.ObjectNode cells = row.putObject("cells");
            r.get("cells").fields().forEachRemaining(c -> cells.set(c.getKey(), c.getValue()));
            if (cells.has("activeUsersUpAtLeast")) {
                cells.put("activeUsersUpAtLeast", "25");
            }
        });
        assertThat(post("/api/rule-sets/expansion-signals/versions", TestUsers.IVY, draft.toString()).statusCode())
                .as("a rep does not edit the table").isEqualTo(403);
        com.fasterxml.jackson.databind.node.ObjectNode bad = draft.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("rows").get(1).get("cells")).put("quietDays", "soon");
        HttpResponse<String> refused = post("/api/rule-sets/expansion-signals/versions", TestUsers.MAX, bad.toString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("row 2").contains("Hidden after dismissal (days)");

        HttpResponse<String> saved = post("/api/rule-sets/expansion-signals/versions", TestUsers.MAX, draft.toString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        int version = JSON.readTree(saved.body()).get("version").asInt();
        HttpResponse<String> tested = post("/api/rule-sets/expansion-signals/versions/" + version + "/test",
                TestUsers.MAX, "");
        assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
        HttpResponse<String> simulated = post("/api/rule-sets/expansion-signals/versions/" + version + "/simulate",
                TestUsers.MAX, "");
        assertThat(simulated.statusCode()).as(simulated.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(simulated.body());
        assertThat(report.get("accountsEvaluated").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("impact").get(0).asText()).startsWith("Suggestions now: ");
        assertThat(report.get("impact").toString()).contains("No longer: " + busy.getName()
                + " — Care Coordination Suite (GROWTH, $20,000, by row 'Active users up 20% or more over the quarter')");
    }

    @Test
    void morganSeesEachRepsSuggestionsAndTheForecastShowsThePipelineSourcedFromSignals() throws Exception {
        Account insurer = insurerOwningPolicyAdministration();
        signals.assessAccount(insurer.getId());
        LocalDate close = LocalDate.now().plusDays(ExpansionSignals.CLOSE_IN_DAYS);
        String quarter = close.getYear() + "-Q" + ((close.getMonthValue() - 1) / 3 + 1);
        JsonNode ivyBefore = repLine(TestUsers.MAX, TestUsers.IVY);
        BigDecimal forecastBefore = JSON.readTree(get("/api/forecast?quarter=" + quarter, TestUsers.MAX).body())
                .get("pipelineFromSignals").decimalValue();

        assertThat(post("/api/suggestions/" + suggestion(insurer, "Claims Analytics") + "/accept", TestUsers.IVY, "")
                .statusCode()).isEqualTo(200);
        assertThat(post("/api/suggestions/" + suggestion(insurer, "Agent Portal") + "/dismiss", TestUsers.IVY,
                "{\"reason\":\"Agents use a partner portal\"}").statusCode()).isEqualTo(200);

        JsonNode ivy = repLine(TestUsers.MAX, TestUsers.IVY);
        assertThat(ivy.get("open").asLong()).isEqualTo(ivyBefore.get("open").asLong() - 2);
        assertThat(ivy.get("accepted").asLong()).isEqualTo(ivyBefore.get("accepted").asLong() + 1);
        assertThat(ivy.get("dismissed").asLong()).isEqualTo(ivyBefore.get("dismissed").asLong() + 1);
        assertThat(ivy.get("pipeline").decimalValue().subtract(ivyBefore.get("pipeline").decimalValue()))
                .isEqualByComparingTo("150000");
        assertThat(JSON.readTree(get("/api/forecast?quarter=" + quarter, TestUsers.MAX).body())
                .get("pipelineFromSignals").decimalValue().subtract(forecastBefore)).isEqualByComparingTo("150000");

        JsonNode ivysOwn = JSON.readTree(get("/api/suggestions/summary", TestUsers.IVY).body());
        assertThat(ivysOwn.findValuesAsText("ownerId")).containsOnly(TestUsers.IVY);
        assertThat(get("/api/suggestions/summary", TestUsers.PRODUCT_MANAGER).statusCode()).isEqualTo(403);
        HttpResponse<String> page = get("/suggestions", TestUsers.MAX);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Expansion suggestions per rep").contains("data-rep=\"ivy\"");
        HttpResponse<String> forecast = get("/forecast?quarter=" + quarter, TestUsers.MAX);
        assertThat(forecast.body()).contains("Pipeline sourced from signals").contains("id=\"pipeline-from-signals\"");
    }

    private JsonNode repLine(String reader, String rep) throws Exception {
        HttpResponse<String> response = get("/api/suggestions/summary", reader);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode line : JSON.readTree(response.body())) {
            if (rep.equals(line.get("ownerId").asText())) {
                return line;
            }
        }
        return JSON.readTree("{\"open\":0,\"accepted\":0,\"dismissed\":0,\"pipeline\":0}");
    }

    @Test
    void theOpportunitiesFilterNamesABadTypeAndRefusesAnotherRepsAccount() throws Exception {
        Account insurer = insurerOwningPolicyAdministration();
        HttpResponse<String> badType = get("/api/opportunities?type=UPSELL", TestUsers.IVY);
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.body()).contains("type");
        assertThat(get("/api/opportunities?accountId=" + insurer.getId(), TestUsers.NED).statusCode()).isEqualTo(403);
        assertThat(get("/api/opportunities?accountId=" + insurer.getId(), TestUsers.MAX).statusCode()).isEqualTo(200);
    }

    private Account insurerOwningPolicyAdministration() {
        Account insurer = account("Granite Harbor Mutual " + unique(), Vertical.INSURANCE, TestUsers.IVY);
        accounts.addSubscription(insurer.getId(), "Policy Administration Cloud", new BigDecimal("240000"),
                LocalDate.now().minusMonths(2), LocalDate.now().plusMonths(10));
        return insurer;
    }

    private Account account(String name, Vertical vertical, String owner) {
        return accounts.createAccount(name, vertical, "NORTHEAST", Tier.ENTERPRISE, owner);
    }

    private void signal(Account account, String activeUsersChangePct, String seatUtilizationPct) {
        signal(account, activeUsersChangePct, seatUtilizationPct, null);
    }

    private void signal(Account account, String activeUsersChangePct, String seatUtilizationPct, String csat) {
        accounts.addHealthSignal(account.getId(), Instant.now(),
                activeUsersChangePct == null ? null : new BigDecimal(activeUsersChangePct), 0,
                csat == null ? null : new BigDecimal(csat),
                seatUtilizationPct == null ? null : new BigDecimal(seatUtilizationPct));
    }

    private String suggestion(Account account, String product) {
        return jdbc.queryForObject("select id from expansion_suggestion where account_id = ? and product = ? "
                + "and status = 'OPEN'", String.class, account.getId(), product);
    }

    private Set<String> openKeys(List<Account> of) {
        return jdbc.queryForList("select account_id || '|' || kind || '|' || product from expansion_suggestion "
                + "where status = 'OPEN'", String.class).stream()
                .filter(k -> of.stream().anyMatch(a -> k.startsWith(a.getId() + "|")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The decision log as the rep reads it for her account: the decisions that name this suggestion, in order. */
    private List<String> decisionsAbout(Account account, String suggestionId) throws Exception {
        HttpResponse<String> response = get("/api/decisions?subjectType=account&subjectId=" + account.getId(),
                TestUsers.IVY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> types = new java.util.ArrayList<>();
        JSON.readTree(response.body()).forEach(d -> {
            if (d.get("outcome").asText().contains(suggestionId)) {
                types.add(d.get("decisionType").asText());
            }
        });
        return types;
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private void sweep() throws Exception {
        HttpResponse<String> asked = post("/api/health/sweep", TestUsers.MAX, "");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        String runId = JSON.readTree(asked.body()).get("runId").asText();
        for (int round = 0; round < 200; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(runId).executable().list();
            if (jobs.isEmpty()) {
                break;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        JsonNode status = JSON.readTree(get("/api/health/sweep/" + runId, TestUsers.MAX).body());
        assertThat(status.get("status").asText()).isEqualTo("DONE");
        assertThat(status.get("failed").asInt()).isZero();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
