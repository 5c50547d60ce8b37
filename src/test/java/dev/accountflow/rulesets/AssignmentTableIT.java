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
        String territory = "SIM" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', 'X');
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
