package dev.accountflow.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.ContactRole;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sales managers own the rules: drafts are checked, scenarios gate publishing, simulation writes nothing. */
class RuleSetManagementIT extends PostgresIT {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired IdentityService identity;
    @Autowired AccountService accounts;
    @Autowired RuleBook ruleBook;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
    }

    @Test
    void everyRuleSetIsListedWithItsActiveVersionAndItsDrlCanBeExported() throws Exception {
        JsonNode list = json.readTree(get("/api/rule-sets", TestUsers.IVY).body());
        assertThat(list.findValuesAsText("name")).contains("assignment", "health", "stage-gates");
        HttpResponse<String> drl = send("GET", "/api/rule-sets/health", TestUsers.IVY, null, "text/plain");
        assertThat(drl.statusCode()).isEqualTo(200);
        assertThat(drl.body()).startsWith("// Health rules").contains("rule \"Active users down 20% or more\"");
    }

    @Test
    void invalidDrlIsRefusedWithItsLineAndTheActiveVersionKeepsServing() throws Exception {
        String active = activeDrl("stage-gates");
        int before = activeVersion("stage-gates");
        int servedBefore = ruleBook.get("stage-gates").version();

        String syntaxError = active.replaceFirst("\\$decision : StageGateDecision\\(\\)", "\\$decision : StageGateDecision( >");
        assertRefusedAtLine("stage-gates", syntaxError, lineOf(syntaxError, "StageGateDecision( >"));

        String unknownFact = active + "\nrule \"Uses a fact that does not exist\"\nwhen\n    Invoice( total > 5 )\nthen\nend\n";
        assertRefusedAtLine("stage-gates", unknownFact, lineOf(unknownFact, "Invoice( total > 5 )"));

        String badConsequence = active + "\nrule \"Calls a method that does not exist\"\nwhen\n"
                + "    $d : DiscountDecision()\nthen\n    $d.approveEverything();\nend\n";
        HttpResponse<String> refused = saveDraft("stage-gates", badConsequence, TestUsers.ADMIN);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("problems").get(0).get("line").asInt())
                .as("Drools names the rule's first line for errors in its then part")
                .isEqualTo(lineOf(badConsequence, "rule \"Calls a method that does not exist\""));

        assertThat(activeVersion("stage-gates")).isEqualTo(before);
        assertThat(ruleBook.get("stage-gates").version()).isEqualTo(servedBefore);
        JsonNode validation = json.readTree(post("/api/rule-sets/stage-gates/validate", TestUsers.MAX,
                json.writeValueAsString(Map.of("drl", syntaxError))).body());
        assertThat(validation.get("valid").asBoolean()).isFalse();
        assertThat(validation.get("problems").get(0).get("line").asInt())
                .isEqualTo(lineOf(syntaxError, "StageGateDecision( >"));
    }

    @Test
    void aFailingScenarioBlocksPublishingAndAPassingDraftGoesLive() throws Exception {
        String active = activeDrl("stage-gates");
        addNoApprovalScenario("Enterprise renewal at 14% needs no approval " + unique(), 14);

        String stricter = active.replace("discountPct > 15.0", "discountPct > 12.0");
        int failing = version(saveDraft("stage-gates", stricter, TestUsers.ADMIN));
        HttpResponse<String> test = post("/api/rule-sets/stage-gates/versions/" + failing + "/test", TestUsers.MAX, "");
        assertThat(json.readTree(test.body()).get("passed").asBoolean()).isFalse();
        HttpResponse<String> refused = post("/api/rule-sets/stage-gates/versions/" + failing + "/publish", TestUsers.MAX, "");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Enterprise renewal at 14% needs no approval");
        assertThat(activeVersion("stage-gates")).isNotEqualTo(failing);

        String looser = active.replace("discountPct > 15.0", "discountPct > 16.0");
        int passing = version(saveDraft("stage-gates", looser, TestUsers.ADMIN));
        HttpResponse<String> published = post("/api/rule-sets/stage-gates/versions/" + passing + "/publish", TestUsers.MAX, "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(activeVersion("stage-gates")).isEqualTo(passing);
        assertThat(ruleBook.get("stage-gates").version()).as("this node serves it at once").isEqualTo(passing);
        assertThat(json.readTree(get("/api/rule-sets/stage-gates/versions/" + failing, TestUsers.IVY).body())
                .get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void simulatingAHealthThresholdListsExactlyTheAccountsThatChangeAndWritesNothing() throws Exception {
        String tag = unique();
        Account slipping = accountWithUsageChange("Sim Slipping Health " + tag, -17);
        accountWithUsageChange("Sim Mild Dip Bank " + tag, -12);
        accountWithUsageChange("Sim Deep Drop Mutual " + tag, -35);

        // health is a table: its rule code is a rule developer's to write
        String lower = activeDrl("health").replace("activeUsersChangePct <= -20.0", "activeUsersChangePct <= -16.0")
                .replace("activeUsersChangePct > -20.0", "activeUsersChangePct > -16.0");
        assertThat(lower).isNotEqualTo(activeDrl("health"));
        int draft = version(saveDraft("health", lower, TestUsers.ADMIN));

        Map<String, Integer> before = rowCounts();
        HttpResponse<String> response = post("/api/rule-sets/health/versions/" + draft + "/simulate", TestUsers.MAX, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(rowCounts()).as("simulation writes nothing").isEqualTo(before);

        JsonNode report = json.readTree(response.body());
        assertThat(report.get("accountsEvaluated").asInt()).isEqualTo((int) accounts.accountCount());
        assertThat(names(report.get("newlyFlagged"))).containsExactly(slipping.getName());
        assertThat(names(report.get("noLongerFlagged"))).containsExactly(slipping.getName());
        assertThat(report.get("newlyFlagged").get(0).get("severity").asText()).isEqualTo("HIGH");
        assertThat(report.get("newlyFlagged").get(0).get("reason").asText()).contains("Active users down 17%");
        assertThat(report.get("noLongerFlagged").get(0).get("severity").asText()).isEqualTo("MEDIUM");
    }

    @Test
    void restoringAnOlderVersionMakesItANewActiveVersionAndDiffShowsTheChange() throws Exception {
        String original = activeDrl("assignment");
        int originalVersion = activeVersion("assignment");
        String changed = original
                .replace("Escalated renewals go to the sales managers, due in 1 day at priority 90",
                        "Escalated renewals go to the sales managers, due in 2 days at priority 90")
                .replace("\"sales-managers\", 1, 90, null", "\"sales-managers\", 2, 90, null");
        // the assignment rules are a table: their code is for rule developers
        int edited = version(saveDraft("assignment", changed, TestUsers.ADMIN));
        assertThat(post("/api/rule-sets/assignment/versions/" + edited + "/publish", TestUsers.MAX, "").statusCode())
                .isEqualTo(200);

        JsonNode diff = json.readTree(get("/api/rule-sets/assignment/diff?from=" + originalVersion + "&to=" + edited,
                TestUsers.IVY).body());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        diff.get("lines").forEach(l -> {
            if (l.get("type").asText().equals("added")) {
                added.add(l.get("text").asText());
            } else if (l.get("type").asText().equals("removed")) {
                removed.add(l.get("text").asText());
            }
        });
        assertThat(added).hasSize(2).anyMatch(t -> t.contains("\"sales-managers\", 2, 90"));
        assertThat(removed).hasSize(2).anyMatch(t -> t.contains("\"sales-managers\", 1, 90"));

        HttpResponse<String> restored = post("/api/rule-sets/assignment/versions/" + originalVersion + "/restore",
                TestUsers.MAX, "");
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(201);
        int restoredVersion = json.readTree(restored.body()).get("version").asInt();
        assertThat(restoredVersion).isGreaterThan(edited);
        assertThat(activeVersion("assignment")).isEqualTo(restoredVersion);
        assertThat(activeDrl("assignment")).isEqualTo(original);
        assertThat(ruleBook.get("assignment").version()).isEqualTo(restoredVersion);
        assertThat(json.readTree(get("/api/rule-sets/assignment/versions/" + edited, TestUsers.IVY).body())
                .get("status").asText()).isEqualTo("RETIRED");
        assertThat(post("/api/rule-sets/assignment/versions/" + restoredVersion + "/restore", TestUsers.MAX, "")
                .statusCode()).as("restoring the active version is refused").isEqualTo(409);
    }

    @Test
    void twoAuthorsEditingTheSameSetGetAConflictNotALostUpdate() throws Exception {
        String active = activeDrl("health");
        int base = latestVersion("health");
        HttpResponse<String> first = send("POST", "/api/rule-sets/health/versions", TestUsers.ADMIN,
                json.writeValueAsString(Map.of("drl", active + "\n// first edit\n", "comment", "first", "baseVersion", base)), null);
        assertThat(first.statusCode()).isEqualTo(201);
        HttpResponse<String> second = send("POST", "/api/rule-sets/health/versions", TestUsers.ADMIN,
                json.writeValueAsString(Map.of("drl", active + "\n// second edit\n", "comment", "second", "baseVersion", base)), null);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json.readTree(second.body()).get("error").asText()).contains("saved by " + TestUsers.ADMIN);
    }

    @Test
    void anAccountManagerReadsRulesButCannotCheckTestSimulateOrChangeThem() throws Exception {
        String property = "accountflow.it.rep-ran-a-rule." + unique();
        String sideEffect = activeDrl("health") + sideEffectRule(property);
        int latest = latestVersion("health");
        String scenarioId = json.readTree(get("/api/rule-sets/health", TestUsers.IVY).body()).get("scenarios").get(0)
                .get("id").asText();
        // a rule developer saved a draft whose rule has a side effect; saving compiles it and runs nothing
        int draft = version(saveDraft("health", sideEffect, TestUsers.ADMIN));

        assertThat(get("/api/rule-sets/health", TestUsers.IVY).statusCode()).isEqualTo(200);
        assertThat(get("/api/rule-sets/health/versions/" + draft, TestUsers.IVY).statusCode()).isEqualTo(200);
        assertThat(get("/api/rule-sets/health/diff?from=1&to=" + draft, TestUsers.IVY).statusCode()).isEqualTo(200);
        for (HttpResponse<String> refused : List.of(
                post("/api/rule-sets/health/validate", TestUsers.IVY, json.writeValueAsString(Map.of("drl", sideEffect))),
                post("/api/rule-sets/health/versions/" + draft + "/test", TestUsers.IVY, ""),
                post("/api/rule-sets/health/versions/" + draft + "/simulate", TestUsers.IVY, ""),
                send("POST", "/api/rule-sets/health/versions", TestUsers.IVY,
                        json.writeValueAsString(Map.of("drl", sideEffect, "baseVersion", draft)), null),
                post("/api/rule-sets/health/versions/" + draft + "/publish", TestUsers.IVY, ""),
                post("/api/rule-sets/health/versions/1/restore", TestUsers.IVY, ""),
                post("/api/rule-sets/health/scenarios", TestUsers.IVY, "{\"name\":\"x\"}"),
                send("DELETE", "/api/rule-sets/health/scenarios/" + scenarioId, TestUsers.IVY, null, null))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(json.readTree(refused.body()).get("error").asText()).isNotBlank();
        }
        assertThat(System.getProperty(property)).as("the draft's rule never ran for the rep").isNull();
        assertThat(latestVersion("health")).isEqualTo(draft).isEqualTo(latest + 1);
        assertThat(activeVersion("health")).isNotEqualTo(draft);
        assertThat(json.readTree(get("/api/rule-sets/health", TestUsers.IVY).body()).findValuesAsText("id"))
                .contains(scenarioId);
    }

    @Test
    void validatingCompilesOnlyAndNeverRunsARule() throws Exception {
        String property = "accountflow.it.validate-ran-a-rule." + unique();
        HttpResponse<String> response = post("/api/rule-sets/stage-gates/validate", TestUsers.MAX,
                json.writeValueAsString(Map.of("drl", activeDrl("stage-gates") + sideEffectRule(property))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("valid").asBoolean()).isTrue();
        assertThat(System.getProperty(property)).as("the rule's then part ran on validate").isNull();
    }

    @Test
    void ruleTextNestedTooDeeplyOrTooLongIsRefusedWith400AndNothingIsSaved() throws Exception {
        String active = activeDrl("stage-gates");
        String deep = active + "\nrule \"Deep\"\nwhen\n    DiscountFacts( discountPct > " + "(".repeat(5_000) + "1"
                + ")".repeat(5_000) + " )\nthen\nend\n";
        int deepLine = lineOf(deep, "rule \"Deep\"") + 2;
        int versionsBefore = versionCount("stage-gates");

        for (HttpResponse<String> refused : List.of(
                post("/api/rule-sets/stage-gates/validate", TestUsers.MAX, json.writeValueAsString(Map.of("drl", deep))),
                saveDraft("stage-gates", deep, TestUsers.ADMIN))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(json.readTree(refused.body()).get("details").get(0).asText())
                    .startsWith("line " + deepLine + ": nesting deeper than 64");
            assertThat(json.readTree(refused.body()).get("problems").get(0).get("line").asInt()).isEqualTo(deepLine);
        }

        String huge = active + "\n// " + "x".repeat(200_000);
        for (HttpResponse<String> refused : List.of(
                post("/api/rule-sets/stage-gates/validate", TestUsers.MAX, json.writeValueAsString(Map.of("drl", huge))),
                saveDraft("stage-gates", huge, TestUsers.ADMIN))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(json.readTree(refused.body()).get("details").get(0).asText())
                    .startsWith("drl: longer than 200,000 characters");
        }
        assertThat(versionCount("stage-gates")).isEqualTo(versionsBefore);
    }

    @Test
    void aCommentOver1000CharactersIsRefusedNamingItAndCommentsAreTrimmed() throws Exception {
        String drl = activeDrl("health") + "\n// comment check " + unique() + "\n";
        int versionsBefore = versionCount("health");
        HttpResponse<String> refused = send("POST", "/api/rule-sets/health/versions", TestUsers.ADMIN,
                json.writeValueAsString(Map.of("drl", drl, "comment", "x".repeat(1_001),
                        "baseVersion", latestVersion("health"))), null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("details").get(0).asText()).startsWith("comment: longer than 1,000");
        assertThat(versionCount("health")).isEqualTo(versionsBefore);

        HttpResponse<String> saved = send("POST", "/api/rule-sets/health/versions", TestUsers.ADMIN,
                json.writeValueAsString(Map.of("drl", drl, "comment", "   Usage note  ",
                        "baseVersion", latestVersion("health"))), null);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(json.readTree(saved.body()).get("comment").asText()).isEqualTo("Usage note");

        HttpResponse<String> longRestore = post("/api/rule-sets/health/versions/1/restore", TestUsers.MAX,
                json.writeValueAsString(Map.of("comment", "y".repeat(1_000))));
        assertThat(longRestore.statusCode()).as(longRestore.body()).isEqualTo(400);
        assertThat(json.readTree(longRestore.body()).get("details").get(0).asText()).startsWith("comment:");
        assertThat(versionCount("health")).isEqualTo(versionsBefore + 1);
    }

    @Test
    void aScenarioThatCouldNeverRunIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        Map<String, Object> facts = Map.of("opportunityType", "RENEWAL", "tier", "ENTERPRISE", "arr", 1000,
                "discountPct", 5);
        Map<String, Object> expected = Map.of("approvalRequired", false);
        String expectedJson = json.writeValueAsString(expected);
        // the field each body gets wrong, and the body
        List<Map.Entry<String, String>> refusedBodies = List.of(
                Map.entry("facts", "{\"name\":\"Null facts\",\"facts\":null,\"expected\":" + expectedJson + "}"),
                Map.entry("facts", "{\"name\":\"Missing facts\",\"expected\":" + expectedJson + "}"),
                Map.entry("facts", "{\"name\":\"List facts\",\"facts\":[1,2],\"expected\":" + expectedJson + "}"),
                Map.entry("facts", "{\"name\":\"Text facts\",\"facts\":\"RENEWAL\",\"expected\":" + expectedJson + "}"),
                Map.entry("facts", scenarioBody("Huge facts", Map.of("opportunityType", "R".repeat(8_001),
                        "tier", "ENTERPRISE", "arr", 1, "discountPct", 1), expected)),
                Map.entry("facts.arr", "{\"name\":\"Endless ARR\",\"facts\":{\"opportunityType\":\"RENEWAL\","
                        + "\"tier\":\"ENTERPRISE\",\"arr\":1e1000000000,\"discountPct\":5},\"expected\":" + expectedJson + "}"),
                Map.entry("expected", scenarioBody("Empty expected", facts, Map.of())),
                Map.entry("expected", scenarioBody("Number expected", facts, 5)),
                Map.entry("expected", scenarioBody("Huge expected", facts, Map.of("approverGroup", "g".repeat(4_001)))),
                Map.entry("name", scenarioBody("   ", facts, expected)),
                Map.entry("name", scenarioBody("\u200B\u200B", facts, expected)),
                Map.entry("name", scenarioBody("Bell\u0007 rings", facts, expected)),
                Map.entry("name", scenarioBody("n".repeat(201), facts, expected)));
        int scenariosBefore = scenarioCount("stage-gates");

        for (Map.Entry<String, String> refusal : refusedBodies) {
            HttpResponse<String> refused = post("/api/rule-sets/stage-gates/scenarios", TestUsers.MAX, refusal.getValue());
            assertThat(refused.statusCode()).as(refusal.getValue() + " -> " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).as(refusal.getValue()).contains("\"" + refusal.getKey() + ":");
        }
        assertThat(scenarioCount("stage-gates")).isEqualTo(scenariosBefore);
    }

    @Test
    void aScenarioCanBeDeletedByAnAuthorOnlyFromItsOwnRuleSet() throws Exception {
        JsonNode scenario = addNoApprovalScenario("  Small renewal discount needs no approval " + unique() + "  ", 2);
        assertThat(scenario.get("name").asText()).startsWith("Small renewal").doesNotEndWith(" ");
        String id = scenario.get("id").asText();

        assertThat(send("DELETE", "/api/rule-sets/health/scenarios/" + id, TestUsers.MAX, null, null).statusCode())
                .as("a scenario of another rule set").isEqualTo(404);
        assertThat(send("DELETE", "/api/rule-sets/stage-gates/scenarios/" + UUID.randomUUID(), TestUsers.MAX, null,
                null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/rule-sets/stage-gates/scenarios/" + id, TestUsers.MAX, null, null).statusCode())
                .isEqualTo(204);
        assertThat(json.readTree(get("/api/rule-sets/stage-gates", TestUsers.IVY).body()).findValuesAsText("id"))
                .doesNotContain(id);
        assertThat(send("DELETE", "/api/rule-sets/stage-gates/scenarios/" + id, TestUsers.MAX, null, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aStoredScenarioThatCannotBeReadFailsClearlyAndOnceDeletedNoLongerBlocksPublishing() throws Exception {
        String name = "Stored before facts were checked " + unique();
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into rule_scenario (id, rule_set, name, facts, expected, author, created_at) "
                + "values (?, 'stage-gates', ?, 'null', '{\"approvalRequired\":false}', 'max', now())", id, name);
        assertThat(get("/api/rule-sets/stage-gates", TestUsers.IVY).statusCode()).as("the page still loads")
                .isEqualTo(200);
        int draft = version(saveDraft("stage-gates", activeDrl("stage-gates") + "\n// unchanged " + unique() + "\n",
                TestUsers.ADMIN));

        JsonNode test = json.readTree(post("/api/rule-sets/stage-gates/versions/" + draft + "/test", TestUsers.MAX, "")
                .body());
        assertThat(test.get("passed").asBoolean()).isFalse();
        JsonNode unreadable = StreamSupport.stream(test.get("results").spliterator(), false)
                .filter(r -> r.get("scenario").asText().equals(name)).findFirst().orElseThrow();
        assertThat(unreadable.get("message").asText()).contains("cannot be read").contains("delete it");
        HttpResponse<String> blocked = post("/api/rule-sets/stage-gates/versions/" + draft + "/publish", TestUsers.MAX, "");
        assertThat(blocked.statusCode()).isEqualTo(409);
        assertThat(blocked.body()).contains(name);

        assertThat(send("DELETE", "/api/rule-sets/stage-gates/scenarios/" + id, TestUsers.MAX, null, null).statusCode())
                .isEqualTo(204);
        HttpResponse<String> published = post("/api/rule-sets/stage-gates/versions/" + draft + "/publish", TestUsers.MAX, "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    }

    @Test
    void aRefusedRestoreLeavesNoDraftBehind() throws Exception {
        String active = activeDrl("stage-gates");
        int activeBefore = activeVersion("stage-gates");
        JsonNode added = addNoApprovalScenario("An 8% enterprise renewal discount needs no approval " + unique(), 8);
        int stricter = version(saveDraft("stage-gates", active.replace("discountPct > 15.0", "discountPct > 5.0"),
                TestUsers.ADMIN));
        int versionsBefore = versionCount("stage-gates");

        HttpResponse<String> refused = post("/api/rule-sets/stage-gates/versions/" + stricter + "/restore",
                TestUsers.MAX, "");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("An 8% enterprise renewal discount needs no approval");
        assertThat(versionCount("stage-gates")).as("no draft left behind").isEqualTo(versionsBefore);
        assertThat(latestVersion("stage-gates")).isEqualTo(stricter);
        assertThat(activeVersion("stage-gates")).isEqualTo(activeBefore);
        assertThat(send("DELETE", "/api/rule-sets/stage-gates/scenarios/" + added.get("id").asText(), TestUsers.MAX, null,
                null).statusCode()).isEqualTo(204);
    }

    @Test
    void aScenarioWithFactsTheRulesDoNotReadIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> response = post("/api/rule-sets/health/scenarios", TestUsers.MAX, json.writeValueAsString(
                Map.of("name", "Bad " + unique(), "facts", Map.of("activeUsersChangePct", "lots", "mood", "sad"),
                        "expected", Map.of("atRisk", true, "colour", "red"))));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("facts.").contains("expected.colour");
    }

    // --- helpers ---

    private Account accountWithUsageChange(String name, int usageChangePct) {
        Account account = accounts.createAccount(name, Vertical.HEALTHCARE, "NORTHEAST", Tier.GROWTH, TestUsers.NED);
        accounts.addContact(account.getId(), "Sponsor " + name, null, ContactRole.EXECUTIVE_SPONSOR,
                Instant.now().minus(Duration.ofDays(5)));
        accounts.addHealthSignal(account.getId(), Instant.now(), BigDecimal.valueOf(usageChangePct), 0,
                BigDecimal.valueOf(4.0));
        return account;
    }

    private void assertRefusedAtLine(String ruleSet, String drl, int line) throws Exception {
        HttpResponse<String> refused = saveDraft(ruleSet, drl, TestUsers.ADMIN);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode body = json.readTree(refused.body());
        assertThat(body.get("problems").get(0).get("line").asInt()).as(refused.body()).isEqualTo(line);
        assertThat(body.get("details").get(0).asText()).startsWith("line " + line);
    }

    private HttpResponse<String> saveDraft(String ruleSet, String drl, String user) throws Exception {
        return send("POST", "/api/rule-sets/" + ruleSet + "/versions", user, json.writeValueAsString(
                Map.of("drl", drl, "comment", "test edit", "baseVersion", latestVersion(ruleSet))), null);
    }

    private int version(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("version").asInt();
    }

    private String activeDrl(String ruleSet) {
        return send("GET", "/api/rule-sets/" + ruleSet, TestUsers.IVY, null, "text/plain").body();
    }

    private int activeVersion(String ruleSet) throws Exception {
        return json.readTree(get("/api/rule-sets/" + ruleSet, TestUsers.IVY).body()).get("activeVersion").asInt();
    }

    private int latestVersion(String ruleSet) throws Exception {
        return json.readTree(get("/api/rule-sets/" + ruleSet, TestUsers.IVY).body()).get("latestVersion").asInt();
    }

    private Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String table : List.of("account", "risk_flag", "decision_record", "notification", "rule_set_version",
                "rule_scenario", "act_ru_task", "act_ru_job", "act_hi_varinst", "act_ru_variable")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
        }
        return counts;
    }

    /** A stage-gates scenario: an enterprise renewal at this discount needs no approval. */
    private JsonNode addNoApprovalScenario(String name, int discountPct) throws Exception {
        HttpResponse<String> added = post("/api/rule-sets/stage-gates/scenarios", TestUsers.MAX, scenarioBody(name,
                Map.of("opportunityType", "RENEWAL", "tier", "ENTERPRISE", "arr", 200000, "discountPct", discountPct),
                Map.of("approvalRequired", false)));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return json.readTree(added.body());
    }

    private String scenarioBody(String name, Object facts, Object expected) throws Exception {
        return json.writeValueAsString(Map.of("name", name, "facts", facts, "expected", expected));
    }

    private int versionCount(String ruleSet) {
        return jdbc.queryForObject("select count(*) from rule_set_version where rule_set = ?", Integer.class, ruleSet);
    }

    private int scenarioCount(String ruleSet) {
        return jdbc.queryForObject("select count(*) from rule_scenario where rule_set = ?", Integer.class, ruleSet);
    }

    /** A rule that matches always and leaves a trace outside the rules: only firing it sets the property. */
    private static String sideEffectRule(String property) {
        return "\nrule \"Leaves a trace when it runs\"\nwhen\nthen\n    System.setProperty( \"" + property
                + "\", \"ran\" );\nend\n";
    }

    private static List<String> names(JsonNode changes) {
        return StreamSupport.stream(changes.spliterator(), false).map(c -> c.get("accountName").asText()).toList();
    }

    private static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(fragment + " not in text");
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
