package dev.accountflow.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Health rules kept as a table: read, edited as rows, refused cell by cell, round-tripped through Excel. */
class RuleTableIT extends PostgresIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final ObjectMapper json = new ObjectMapper();

    @Autowired IdentityService identity;

    @BeforeEach
    void team() {
        TestUsers.ensure(identity);
    }

    @Test
    void everyoneSignedInReadsTheActiveTableWithTypedColumnsAndNamesThatShowTheirThresholds() throws Exception {
        JsonNode table = ok(get("/api/rule-sets/health/table", TestUsers.IVY));

        assertThat(table.get("columns").findValuesAsText("key")).contains("daysToRenewalAtMost", "usageChangeAtMost",
                "executiveSponsor", "flagCode", "severity", "reason");
        JsonNode days = column(table, "daysToRenewalAtMost");
        assertThat(days.get("type").asText()).isEqualTo("INTEGER");
        assertThat(days.get("rule").asText()).isEqualTo("a whole number of days, 0–3650");
        assertThat(column(table, "severity").get("values").toString()).isEqualTo("[\"HIGH\",\"MEDIUM\",\"LOW\"]");
        assertThat(table.get("rows").findValuesAsText("ruleName")).contains("Active users down 20% or more");
        assertThat(ok(get("/api/rule-sets/stage-gates/table", TestUsers.IVY)).get("columns").findValuesAsText("key"))
                .contains("toStage", "discountAbove", "executiveEngagedWithinDays", "outcome", "approverGroup");
        assertThat(get("/api/rule-sets/no-such-set/table", TestUsers.IVY).statusCode()).isEqualTo(404);
        assertThat(get("/api/rule-sets/health/table", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aManagerSavesRowsAsADraftAndTheDiffReadsRowByRowFromOlderToNewer() throws Exception {
        int base = active();
        ObjectNode draft = draftFromActive("Usage drop warns earlier");
        cell(draft, "Active users down {usageDropThreshold} or more", "usageChangeAtMost", "-15");

        JsonNode saved = created(post("/api/rule-sets/health/versions", TestUsers.MAX, draft.toString()));
        int version = saved.get("version").asInt();
        assertThat(saved.get("status").asText()).isEqualTo("DRAFT");
        assertThat(saved.get("drl").asText()).contains("rule \"Active users down 15% or more\"");

        JsonNode table = ok(get("/api/rule-sets/health/versions/" + version + "/table", TestUsers.IVY));
        assertThat(table.get("rows").findValuesAsText("ruleName")).contains("Active users down 15% or more",
                "Active users down 10% or more but less than 20%");
        JsonNode diff = ok(get("/api/rule-sets/health/diff?from=" + version + "&to=" + base, TestUsers.IVY));
        assertThat(diff.get("rows").toString()).contains(
                "row Active users down 20% or more: Active-user change ≤ %: -20.0 → -15.0");
    }

    @Test
    void aLowerThresholdSuggestsItsBoundaryScenariosAndSimulatesImpactInAccountsAndArr() throws Exception {
        String name = "Drifting Mutual " + java.util.UUID.randomUUID();
        String account = created(post("/api/accounts", TestUsers.MAX, "{\"name\":\"" + name + "\",\"vertical\":"
                + "\"INSURANCE\",\"territory\":\"NORTHEAST\",\"tier\":\"ENTERPRISE\",\"ownerId\":\"ivy\"}"))
                .get("id").asText();
        created(post("/api/accounts/" + account + "/subscriptions", TestUsers.MAX, "{\"product\":\"Claims Analytics\","
                + "\"arr\":1200000.00,\"startDate\":\"2026-01-01\",\"endDate\":\"2029-12-31\"}"));
        created(post("/api/accounts/" + account + "/health-signals", TestUsers.MAX, "{\"recordedAt\":"
                + "\"2026-11-01T10:00:00Z\",\"activeUsersChangePct\":-15.5,\"openEscalations\":0,\"csat\":4.5}"));
        // a drop of 15.5 %: HIGH at the draft's 15 %, MEDIUM under any threshold the other tests try (16 % and up)
        ObjectNode draft = draftFromActive("Usage drop warns earlier");
        cell(draft, "Active users down {usageDropThreshold} or more", "usageChangeAtMost", "-15");
        int version = created(post("/api/rule-sets/health/versions", TestUsers.MAX, draft.toString())).get("version")
                .asInt();

        JsonNode suggestions = ok(post("/api/rule-sets/health/versions/" + version + "/boundary-scenarios",
                TestUsers.MAX, ""));
        assertThat(suggestions.findValuesAsText("name")).containsExactly(
                "Boundary: Active users down 15% or more — activeUsersChangePct -16.0",
                "Boundary: Active users down 15% or more — activeUsersChangePct -15.0",
                "Boundary: Active users down 15% or more — activeUsersChangePct -14.0");
        assertThat(suggestions.get(1).get("expected").toString()).isEqualTo("{\"atRisk\":true,\"flags\":[\"USAGE_DROP\"]}");
        assertThat(suggestions.get(2).get("expected").toString()).isEqualTo("{\"atRisk\":false,\"flags\":[\"USAGE_DROP\"]}");
        assertThat(post("/api/rule-sets/health/versions/" + version + "/boundary-scenarios", TestUsers.IVY, "")
                .statusCode()).isEqualTo(403);

        JsonNode report = ok(post("/api/rule-sets/health/versions/" + version + "/simulate", TestUsers.MAX, ""));
        assertThat(report.get("impact").get(0).asText()).matches("Newly at risk: \\d+ accounts?, \\$[\\d,]+ ARR");
        assertThat(report.get("impact").toString()).contains(name
                + ": USAGE_DROP MEDIUM → HIGH, by row 'Active users down 15% or more'");
    }

    @Test
    void aBadCellIsRefusedNamingRowAndColumnAndNothingIsStored() throws Exception {
        int before = latest();
        ObjectNode draft = draftFromActive("typo");
        cell(draft, "Two or more open support escalations", "openEscalationsAtLeast", "two");

        HttpResponse<String> refused = post("/api/rule-sets/health/versions", TestUsers.MAX, draft.toString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("error").asText()).isEqualTo("Invalid table: row 5 (Two or more"
                + " open support escalations), column 'Open escalations ≥': 'two' is not a whole number, 0–10000");
        assertThat(latest()).isEqualTo(before);
    }

    @Test
    void hostileTextInACellIsStoredAndShownLiterally() throws Exception {
        String hostile = "\"); System.exit(0); // <script>alert(1)</script>";
        ObjectNode draft = draftFromActive("hostile");
        ((ObjectNode) draft.withArray("rows").get(5)).put("name", hostile);
        ((ObjectNode) draft.withArray("rows").get(5).get("cells")).put("reason", hostile);

        int version = created(post("/api/rule-sets/health/versions", TestUsers.MAX, draft.toString())).get("version")
                .asInt();

        JsonNode row = ok(get("/api/rule-sets/health/versions/" + version + "/table", TestUsers.IVY)).get("rows").get(5);
        assertThat(row.get("name").asText()).isEqualTo(hostile);
        assertThat(row.get("cells").get("reason").asText()).isEqualTo(hostile);
        JsonNode test = ok(post("/api/rule-sets/health/versions/" + version + "/test", TestUsers.MAX, ""));
        assertThat(test.get("passed").asBoolean()).as(test.toString()).isTrue();
    }

    @Test
    void ruleCodeOfATableIsForRuleDevelopersOnly() throws Exception {
        String drl = ok(get("/api/rule-sets/health/versions/" + active() + "", TestUsers.IVY)).get("drl").asText();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("drl", drl + "\n// developer note\n");
        body.put("baseVersion", latest());

        HttpResponse<String> manager = post("/api/rule-sets/health/versions", TestUsers.MAX, json.writeValueAsString(body));
        assertThat(manager.statusCode()).as(manager.body()).isEqualTo(403);
        assertThat(json.readTree(manager.body()).get("error").asText()).contains("edit its rows");

        int version = created(post("/api/rule-sets/health/versions", TestUsers.ADMIN, json.writeValueAsString(body)))
                .get("version").asInt();
        assertThat(get("/api/rule-sets/health/versions/" + version + "/table", TestUsers.IVY).statusCode())
                .isEqualTo(404);
    }

    @Test
    void excelRoundTripUnchangedIsANoOpAndAChangedCellBecomesADraft() throws Exception {
        int before = latest();
        byte[] workbook = download(active());

        HttpResponse<byte[]> same = upload(workbook);
        assertThat(same.statusCode()).as(new String(same.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(json.readTree(same.body()).get("unchanged").asBoolean()).isTrue();
        assertThat(latest()).isEqualTo(before);

        byte[] edited = edit(workbook, 3, "Active-user change ≤ %", -15.0);
        JsonNode saved = json.readTree(upload(edited).body());
        assertThat(saved.get("unchanged").asBoolean()).as(saved.toString()).isFalse();
        JsonNode table = ok(get("/api/rule-sets/health/versions/" + saved.get("version").asInt() + "/table",
                TestUsers.IVY));
        assertThat(table.get("rows").findValuesAsText("ruleName")).contains("Active users down 15% or more");
    }

    @Test
    void anExcelFileWithABadCellIsRefusedWholeNamingSheetRowAndColumn() throws Exception {
        int before = latest();
        byte[] bad = edit(edit(download(active()), 3, "Active-user change ≤ %", -15.0), 7, "CSAT <", 7.5);

        HttpResponse<byte[]> refused = upload(bad);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("error").asText()).isEqualTo("Invalid workbook: sheet 'health',"
                + " row 8, column H (CSAT <): 7.5 is out of range: a number from 0 to 5, at most 2 decimals");
        assertThat(latest()).isEqualTo(before);
        assertThat(upload("not a workbook".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(sendBytes("POST", "/api/rule-sets/health/versions", TestUsers.IVY, XLSX, bad).statusCode())
                .isEqualTo(403);
    }

    private byte[] download(int version) {
        HttpResponse<byte[]> response = sendBytes("GET", "/api/rule-sets/health/versions/" + version + "/table.xlsx",
                TestUsers.IVY, null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(XLSX);
        return response.body();
    }

    private HttpResponse<byte[]> upload(byte[] workbook) {
        return sendBytes("POST", "/api/rule-sets/health/versions?comment=From%20Excel", TestUsers.MAX, XLSX, workbook);
    }

    /** Sets one cell (by data row, 1-based, and header label) as Excel would. */
    private static byte[] edit(byte[] workbook, int dataRow, String header, double value) throws Exception {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheet("health");
            int column = -1;
            for (var cell : sheet.getRow(0)) {
                if (cell.getStringCellValue().equals(header)) {
                    column = cell.getColumnIndex();
                }
            }
            var row = sheet.getRow(dataRow);
            (row.getCell(column) == null ? row.createCell(column) : row.getCell(column)).setCellValue(value);
            book.write(out);
            return out.toByteArray();
        }
    }

    private ObjectNode draftFromActive(String comment) throws Exception {
        JsonNode table = ok(get("/api/rule-sets/health/table", TestUsers.MAX));
        ObjectNode draft = json.createObjectNode();
        draft.put("baseVersion", latest());
        draft.put("comment", comment);
        ArrayNode rows = draft.putArray("rows");
        table.get("rows").forEach(r -> rows.addObject().put("name", r.get("name").asText())
                .set("cells", r.get("cells").deepCopy()));
        return draft;
    }

    private static void cell(ObjectNode draft, String rowName, String column, String value) {
        draft.withArray("rows").forEach(r -> {
            if (r.get("name").asText().equals(rowName)) {
                ((ObjectNode) r.get("cells")).put(column, value);
            }
        });
    }

    private static JsonNode column(JsonNode table, String key) {
        for (JsonNode c : table.get("columns")) {
            if (c.get("key").asText().equals(key)) {
                return c;
            }
        }
        throw new AssertionError("no column " + key);
    }

    private int latest() throws Exception {
        return ok(get("/api/rule-sets/health", TestUsers.IVY)).get("latestVersion").asInt();
    }

    private int active() throws Exception {
        return ok(get("/api/rule-sets/health", TestUsers.IVY)).get("activeVersion").asInt();
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
