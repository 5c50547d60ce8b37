package dev.accountflow.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountflow.rules.DiscountDecision;
import dev.accountflow.rules.DiscountFacts;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stage gates kept as a table: a sales manager lowers the discount limit in a cell, the row's name and the reasons
 * follow, a bad cell is refused naming row and column, and rule code an earlier release left active that no longer
 * compiles gives way to the table.
 */
class StageGatesTableIT extends PostgresIT {

    private static final String RENEWAL_ROW = "Renewal and expansion discounts above {discountAbove} need a sales manager's approval";
    private final ObjectMapper json = new ObjectMapper();

    @Autowired IdentityService identity;
    @Autowired RuleBook ruleBook;
    @Autowired RuleBookSync sync;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void team() {
        TestUsers.ensure(identity);
    }

    @Test
    void aManagerLowersTheDiscountLimitInACellAndTheDecisionsAndReasonsFollow() throws Exception {
        int activeBefore = state().get("activeVersion").asInt();
        JsonNode table = ok(get("/api/rule-sets/stage-gates/table", TestUsers.IVY));
        assertThat(table.get("rows").findValuesAsText("ruleName"))
                .contains("Renewal and expansion discounts above 15% need a sales manager's approval");
        try {
            ObjectNode draft = draftFromActive("Renewal discounts above 12% need approval");
            cell(draft, RENEWAL_ROW, "discountAbove", "12");
            int version = created(post("/api/rule-sets/stage-gates/versions", TestUsers.MAX, draft.toString()))
                    .get("version").asInt();
            assertThat(ok(get("/api/rule-sets/stage-gates/versions/" + version + "/table", TestUsers.IVY))
                    .get("rows").findValuesAsText("ruleName"))
                    .contains("Renewal and expansion discounts above 12% need a sales manager's approval");
            assertThat(ok(get("/api/rule-sets/stage-gates/diff?from=" + activeBefore + "&to=" + version, TestUsers.IVY))
                    .toString()).contains("15.0 → 12.0");

            JsonNode boundaries = ok(post("/api/rule-sets/stage-gates/versions/" + version + "/boundary-scenarios",
                    TestUsers.MAX, ""));
            assertThat(boundaries.findValuesAsText("name")).containsExactly(
                    "Boundary: Renewal and expansion discounts above 12% need a sales manager's approval — discount 11%",
                    "Boundary: Renewal and expansion discounts above 12% need a sales manager's approval — discount 12%",
                    "Boundary: Renewal and expansion discounts above 12% need a sales manager's approval — discount 13%");
            assertThat(boundaries.findValues("expected").stream().map(e -> e.get("approvalRequired").asBoolean()))
                    .containsExactly(false, false, true);

            HttpResponse<String> published = post("/api/rule-sets/stage-gates/versions/" + version + "/publish",
                    TestUsers.MAX, "");
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

            DiscountDecision at13 = ruleBook.checkDiscount(new DiscountFacts("RENEWAL", "ENTERPRISE", "INSURANCE",
                    180_000, 13)).decision();
            assertThat(at13.isApprovalRequired()).isTrue();
            assertThat(at13.getReason()).isEqualTo("Discount of 13% on this renewal is above the 12% limit.");
            assertThat(ruleBook.checkDiscount(new DiscountFacts("RENEWAL", "ENTERPRISE", "INSURANCE", 180_000, 12))
                    .decision().isApprovalRequired()).isFalse();
        } finally {
            HttpResponse<String> restored = post("/api/rule-sets/stage-gates/versions/" + activeBefore + "/restore",
                    TestUsers.MAX, "");
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(201);
        }
        assertThat(ruleBook.checkDiscount(new DiscountFacts("RENEWAL", "ENTERPRISE", "INSURANCE", 180_000, 13))
                .decision().isApprovalRequired()).isFalse();
    }

    @Test
    void aBadCellIsRefusedNamingRowAndColumnAndNothingIsStored() throws Exception {
        int latestBefore = state().get("latestVersion").asInt();
        ObjectNode draft = draftFromActive("Retail deals need a review");
        cell(draft, "Healthcare and financial-services deals need a compliance review before negotiation", "verticals",
                "HEALTHCARE, RETAIL");

        HttpResponse<String> refused = post("/api/rule-sets/stage-gates/versions", TestUsers.MAX, draft.toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("row 6").contains("Verticals").contains("'RETAIL' is not one of");
        assertThat(state().get("latestVersion").asInt()).isEqualTo(latestBefore);

        ObjectNode ivys = draftFromActive("A rep tries");
        assertThat(post("/api/rule-sets/stage-gates/versions", TestUsers.IVY, ivys.toString()).statusCode())
                .isEqualTo(403);
        assertThat(state().get("latestVersion").asInt()).isEqualTo(latestBefore);
    }

    @Test
    void ruleCodeThatNoLongerCompilesGivesWayToTheTableWithAVersionThatSaysWhy() throws Exception {
        int activeBefore = state().get("activeVersion").asInt();
        int broken = state().get("latestVersion").asInt() + 1;
        jdbc.update("update rule_set_version set status = 'RETIRED' where rule_set = 'stage-gates' and version = ?",
                activeBefore);
        jdbc.update("insert into rule_set_version (id, rule_set, version, drl, author, comment, status, based_on,"
                        + " created_at, published_at) values (?, 'stage-gates', ?, ?, 'someone', 'written as code',"
                        + " 'ACTIVE', ?, now(), now())", UUID.randomUUID().toString(), broken,
                "package dev.accountflow.rules;\nrule \"Old\"\nwhen\n    QuoteFacts( discountPct > 15.0 )\nthen\nend\n",
                activeBefore);
        jdbc.update("update rule_set set active_version = ? where name = 'stage-gates'", broken);

        sync.afterPropertiesSet();

        JsonNode after = state();
        int converted = after.get("activeVersion").asInt();
        assertThat(converted).isEqualTo(broken + 1);
        JsonNode version = ok(get("/api/rule-sets/stage-gates/versions/" + converted, TestUsers.IVY));
        assertThat(version.get("comment").asText()).contains("Now kept as a table")
                .contains("version " + broken + " was rule code that no longer compiles");
        assertThat(ok(get("/api/rule-sets/stage-gates/table", TestUsers.IVY)).get("rows").findValuesAsText("ruleName"))
                .contains("Renewal and expansion discounts above 15% need a sales manager's approval");
        assertThat(ruleBook.get("stage-gates").version()).isEqualTo(converted);
        assertThat(ruleBook.checkDiscount(new DiscountFacts("RENEWAL", "ENTERPRISE", "INSURANCE", 180_000, 16))
                .decision().isApprovalRequired()).isTrue();
    }

    private JsonNode state() throws Exception {
        return ok(get("/api/rule-sets/stage-gates", TestUsers.IVY));
    }

    private ObjectNode draftFromActive(String comment) throws Exception {
        JsonNode table = ok(get("/api/rule-sets/stage-gates/table", TestUsers.MAX));
        ObjectNode draft = json.createObjectNode();
        draft.put("baseVersion", state().get("latestVersion").asInt());
        draft.put("comment", comment);
        ArrayNode rows = draft.putArray("rows");
        table.get("rows").forEach(r -> rows.addObject().put("name", r.get("name").asText())
                .set("cells", r.get("cells").deepCopy()));
        return draft;
    }

    private static void cell(ObjectNode draft, String rowName, String column, String value) {
        boolean found = false;
        for (JsonNode r : draft.withArray("rows")) {
            if (r.get("name").asText().equals(rowName)) {
                ((ObjectNode) r.get("cells")).put(column, value);
                found = true;
            }
        }
        assertThat(found).as("row " + rowName).isTrue();
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode created(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }
}
