package dev.accountflow.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Assignment rules kept as a table: rows saved and refused, tasks that would move counted per row, Excel round trip. */
class AssignmentTableIT extends PostgresIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String API = "/api/rule-sets/assignment";
    private final ObjectMapper json = new ObjectMapper();

    @Autowired IdentityService identity;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired AccountService accounts;

    @BeforeEach
    void team() {
        TestUsers.ensure(identity);
    }

    @Test
    void theTableHasTypedColumnsAndACatchAllLastRow() throws Exception {
        JsonNode table = ok(get(API + "/table", TestUsers.IVY));

        assertThat(table.get("columns").findValuesAsText("key")).containsExactly("processes", "tasks", "territories",
                "vertical", "tier", "arrAtLeast", "arrBelow", "daysToRenewalAtLeast", "daysToRenewalAtMost",
                "ownerKnown", "atRisk", "assignTo", "dueInDays", "priority", "priorityPoints");
        JsonNode rows = table.get("rows");
        assertThat(rows.get(rows.size() - 1).get("ruleName").asText())
                .isEqualTo("Tasks no other rule gave to anyone go to the account managers");
        assertThat(rows.get(rows.size() - 1).get("cells").toString()).isEqualTo("{\"assignTo\":\"account-managers\"}");
    }

    @Test
    void simulationCountsTheOpenTasksThatWouldMoveAndNamesTheRowThatMovesThem() throws Exception {
        // a territory as reps type them (letters only), unique to this test so only its tasks are counted
        String territory = "SIM" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().chars()
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'A' + c - '0' : c == '-' ? 'X' : c)))
                .collect(java.util.stream.Collectors.joining());
        String processKey = "probe" + UUID.randomUUID().toString().substring(0, 8);
        repository.createDeployment().addModelInstance(processKey + ".bpmn",
                Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Probe").name("Probe").endEvent().done()).deploy();
        Account account = accounts.createAccount("Simland Health " + territory, Vertical.HEALTHCARE, territory,
                Tier.GROWTH, TestUsers.IVY);
        for (int i = 0; i < 2; i++) {
            runtime.startProcessInstanceByKey(processKey, Map.of("accountId", account.getId()));
        }
        ObjectNode draft = draftFromActive("Simland work goes to the sales managers");
        ((ArrayNode) draft.get("rows")).insertObject(0).put("name", "Tasks in " + territory + " go to the sales managers")
                .putObject("cells").put("territories", territory).put("assignTo", "sales-managers");
        int version = created(post(API + "/versions", TestUsers.MAX, draft.toString())).get("version").asInt();

        JsonNode report = ok(post(API + "/versions/" + version + "/simulate", TestUsers.MAX, ""));

        assertThat(report.get("impact").toString()).contains("2 open tasks would move: account-managers (group) → "
                + "sales-managers (group), by row 'Tasks in " + territory + " go to the sales managers'");
        assertThat(post(API + "/versions/" + version + "/simulate", TestUsers.IVY, "").statusCode()).isEqualTo(403);
    }

    @Test
    void aNewArrBandSuggestsScenariosOneDollarEitherSideOfItsThreshold() throws Exception {
        ObjectNode draft = draftFromActive("Big quotes go to max");
        ((ArrayNode) draft.get("rows")).insertObject(0).put("name", "Quotes of {arrAtLeast} or more go to max")
                .putObject("cells").put("tasks", "Task_PrepareQuote").put("arrAtLeast", "180,000")
                .put("assignTo", TestUsers.MAX);
        int version = created(post(API + "/versions", TestUsers.MAX, draft.toString())).get("version").asInt();

        JsonNode suggestions = ok(post(API + "/versions/" + version + "/boundary-scenarios", TestUsers.MAX, ""));

        assertThat(suggestions.findValuesAsText("name")).containsExactly(
                "Boundary: Quotes of $180,000 or more go to max — ARR $179,999",
                "Boundary: Quotes of $180,000 or more go to max — ARR $180,000",
                "Boundary: Quotes of $180,000 or more go to max — ARR $180,001");
        assertThat(suggestions.findValuesAsText("assignee")).containsExactly("amy", TestUsers.MAX, TestUsers.MAX);
        // accepted as they are, they pass on the draft (and are taken away again: they pin this draft only)
        java.util.List<String> added = new java.util.ArrayList<>();
        try {
            for (JsonNode suggestion : suggestions) {
                added.add(created(post(API + "/scenarios", TestUsers.MAX, suggestion.toString())).get("id").asText());
            }
            JsonNode test = ok(post(API + "/versions/" + version + "/test", TestUsers.MAX, ""));
            assertThat(test.get("passed").asBoolean()).as(test.toString()).isTrue();
        } finally {
            added.forEach(id -> send("DELETE", API + "/scenarios/" + id, TestUsers.MAX, null, null));
        }
    }

    @Test
    void anAssigneeNobodyKnowsAndATableWithoutACatchAllAreRefusedAndNothingIsStored() throws Exception {
        int before = latest();
        ObjectNode unknown = draftFromActive("typo");
        ((ObjectNode) draft(unknown, 2)).put("assignTo", "zed");
        HttpResponse<String> refused = post(API + "/versions", TestUsers.MAX, unknown.toString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("error").asText()).startsWith("Invalid table: row 3 (Discount "
                + "approvals go to the sales managers and are due in {dueInDays} days), column 'Assignee or group': "
                + "'zed' is not a user AccountFlow knows");

        ObjectNode noCatchAll = draftFromActive("no catch-all");
        ((ArrayNode) noCatchAll.get("rows")).remove(noCatchAll.get("rows").size() - 1);
        HttpResponse<String> open = post(API + "/versions", TestUsers.MAX, noCatchAll.toString());
        assertThat(open.statusCode()).isEqualTo(400);
        assertThat(json.readTree(open.body()).get("error").asText()).contains("the last row must catch every task");

        ObjectNode hostile = draftFromActive("hostile");
        ((ObjectNode) draft(hostile, 0)).put("assignTo", "amy\"); System.exit(0); //");
        assertThat(post(API + "/versions", TestUsers.MAX, hostile.toString()).statusCode()).isEqualTo(400);
        assertThat(latest()).isEqualTo(before);

        ObjectNode known = draftFromActive("Discount approvals to ivy");
        ((ObjectNode) draft(known, 2)).put("assignTo", TestUsers.IVY);
        assertThat(post(API + "/versions", TestUsers.MAX, known.toString()).statusCode()).isEqualTo(201);
    }

    @Test
    void excelRoundTripUnchangedIsANoOpAndABadAmountIsRefusedNamingSheetRowAndColumn() throws Exception {
        int before = latest();
        byte[] workbook = download(active());

        HttpResponse<byte[]> same = upload(workbook);
        assertThat(same.statusCode()).as(new String(same.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(json.readTree(same.body()).get("unchanged").asBoolean()).isTrue();

        HttpResponse<byte[]> refused = upload(edit(workbook, 1, "ARR ≥ $", "180k"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("error").asText()).startsWith("Invalid workbook: sheet "
                + "'assignment', row 2, column").contains("(ARR ≥ $): '180k' is not an amount in whole dollars");
        assertThat(latest()).isEqualTo(before);

        JsonNode saved = json.readTree(upload(edit(workbook, 1, "ARR ≥ $", "250,000")).body());
        assertThat(saved.get("unchanged").asBoolean()).as(saved.toString()).isFalse();
        JsonNode row = ok(get(API + "/versions/" + saved.get("version").asInt() + "/table", TestUsers.IVY))
                .get("rows").get(0);
        assertThat(row.get("cells").get("arrAtLeast").asText()).isEqualTo("$250,000");
    }

    @Test
    void aRuleDeveloperSavesATemplateVersionThatIsCompiledTestedAndPublishedLikeATable() throws Exception {
        int before = active();
        String template = get(API + "/versions/" + before + "/template", TestUsers.ADMIN).body();
        assertThat(template).contains("template \"assignment\"", "@{assignTo}");
        assertThat(get(API + "/versions/" + before + "/template", TestUsers.MAX).statusCode()).isEqualTo(403);
        assertThat(saveTemplate(template, TestUsers.MAX).statusCode()).isEqualTo(403);

        int latest = latest();
        HttpResponse<String> broken = saveTemplate(template.replace("update( $decision );", "update( $decision ;"),
                TestUsers.ADMIN);
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
        assertThat(json.readTree(broken.body()).get("error").asText()).startsWith("The rules do not compile");
        assertThat(latest()).isEqualTo(latest);

        // compiles, but turns the tier condition around: the scenarios catch it and it never goes live
        int nobody = created(saveTemplate(template.replace("tier == \"@{tier}\"", "tier != \"@{tier}\""),
                TestUsers.ADMIN)).get("version").asInt();
        assertThat(ok(post(API + "/versions/" + nobody + "/test", TestUsers.MAX, "")).get("passed").asBoolean())
                .isFalse();
        assertThat(post(API + "/versions/" + nobody + "/publish", TestUsers.MAX, "").statusCode()).isEqualTo(409);
        assertThat(active()).isEqualTo(before);

        String noted = template.replace("salience @{salience}\n", "salience @{salience}\nenabled true\n");
        int version = created(saveTemplate(noted, TestUsers.ADMIN)).get("version").asInt();
        assertThat(ok(get(API + "/versions/" + version + "/table", TestUsers.IVY)).get("rows"))
                .isEqualTo(ok(get(API + "/versions/" + before + "/table", TestUsers.IVY)).get("rows"));
        assertThat(post(API + "/versions/" + version + "/publish", TestUsers.MAX, "").statusCode()).isEqualTo(200);
        try {
            // a manager's next table draft is compiled with the template in force
            JsonNode draft = created(post(API + "/versions", TestUsers.MAX, draftFromActive("same rows").toString()));
            assertThat(draft.get("drl").asText()).contains("enabled true");
        } finally {
            assertThat(post(API + "/versions/" + before + "/restore", TestUsers.MAX, "").statusCode()).isEqualTo(201);
        }
        assertThat(get(API + "/versions/" + active() + "/template", TestUsers.ADMIN).body())
                .doesNotContain("enabled true");
    }

    private HttpResponse<String> saveTemplate(String template, String user) throws Exception {
        return post(API + "/versions", user, json.writeValueAsString(Map.of("template", template, "comment",
                "template change", "baseVersion", latest())));
    }

    private static JsonNode draft(ObjectNode draft, int row) {
        return draft.get("rows").get(row).get("cells");
    }

    private byte[] download(int version) {
        HttpResponse<byte[]> response = sendBytes("GET", API + "/versions/" + version + "/table.xlsx", TestUsers.IVY,
                null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<byte[]> upload(byte[] workbook) {
        return sendBytes("POST", API + "/versions?comment=From%20Excel", TestUsers.MAX, XLSX, workbook);
    }

    /** Sets one cell (by data row, 1-based, and header label) as text, as Excel keeps what is typed. */
    private static byte[] edit(byte[] workbook, int dataRow, String header, String value) throws Exception {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheet("assignment");
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
        JsonNode table = ok(get(API + "/table", TestUsers.MAX));
        ObjectNode draft = json.createObjectNode();
        draft.put("baseVersion", latest());
        draft.put("comment", comment);
        ArrayNode rows = draft.putArray("rows");
        table.get("rows").forEach(r -> rows.addObject().put("name", r.get("name").asText())
                .set("cells", r.get("cells").deepCopy()));
        return draft;
    }

    private int latest() throws Exception {
        return ok(get(API, TestUsers.IVY)).get("latestVersion").asInt();
    }

    private int active() throws Exception {
        return ok(get(API, TestUsers.IVY)).get("activeVersion").asInt();
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
