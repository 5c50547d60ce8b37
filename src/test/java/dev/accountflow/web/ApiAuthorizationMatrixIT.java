package dev.accountflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may write what, as one table: every write endpoint of the API × every role of the team. Ivy owns the account
 * written to; Ned is another rep (404: ids of other books are not confirmed). A refused request stores nothing.
 */
class ApiAuthorizationMatrixIT extends PostgresIT {

    enum Role {
        OWNER_REP(TestUsers.IVY), OTHER_REP(TestUsers.NED), SALES_MANAGER(TestUsers.MAX),
        PRODUCT_MANAGER(TestUsers.PRODUCT_MANAGER), SOLUTION_ENGINEER(TestUsers.SOLUTION_ENGINEER),
        SERVICES(TestUsers.SERVICES), SUPPORT(TestUsers.SUPPORT), BILLING(TestUsers.BILLING), ADMIN(TestUsers.ADMIN),
        ANONYMOUS(null);

        final String user;

        Role(String user) {
            this.user = user;
        }
    }

    enum Endpoint {
        CREATE_ACCOUNT("POST /api/accounts"),
        ADD_CONTACT("POST /api/accounts/{id}/contacts"),
        ADD_SUBSCRIPTION("POST /api/accounts/{id}/subscriptions"),
        ADD_HEALTH_SIGNAL("POST /api/accounts/{id}/health-signals"),
        RECORD_TOUCH_POINT("POST /api/accounts/{id}/touch-points"),
        CONTACT_LEFT("POST /api/accounts/{id}/contacts/{contactId}/departure"),
        RENEWAL_KICKOFF("POST /api/renewals/kickoff"),
        HEALTH_SWEEP("POST /api/health/sweep"),
        VALIDATE_RULES("POST /api/rule-sets/{name}/validate"),
        SAVE_RULE_DRAFT("POST /api/rule-sets/{name}/versions (table rows)"),
        SAVE_RULE_CODE("POST /api/rule-sets/{name}/versions (drl of a table)"),
        SAVE_RULE_TEMPLATE("POST /api/rule-sets/{name}/versions (template of a table)"),
        IMPORT_RULE_WORKBOOK("POST /api/rule-sets/{name}/versions (.xlsx)"),
        SUGGEST_BOUNDARY_SCENARIOS("POST /api/rule-sets/{name}/versions/{v}/boundary-scenarios"),
        TEST_RULE_VERSION("POST /api/rule-sets/{name}/versions/{v}/test"),
        SIMULATE_RULE_VERSION("POST /api/rule-sets/{name}/versions/{v}/simulate"),
        PUBLISH_RULE_VERSION("POST /api/rule-sets/{name}/versions/{v}/publish"),
        RESTORE_RULE_VERSION("POST /api/rule-sets/{name}/versions/{v}/restore"),
        ADD_RULE_SCENARIO("POST /api/rule-sets/{name}/scenarios"),
        DELETE_RULE_SCENARIO("DELETE /api/rule-sets/{name}/scenarios/{id}"),
        IMPORT_ACCOUNTS("POST /api/import/accounts"),
        IMPORT_CONTACTS("POST /api/import/contacts"),
        LOG_FEATURE_REQUEST("POST /api/feature-requests"),
        SHIP_FEATURE_REQUEST("POST /api/feature-requests/{id}/shipped (not yet planned)"),
        LINK_FEATURE_REQUEST("POST /api/feature-requests/{id}/duplicate-of"),
        RAISE_ESCALATION("POST /api/escalations"),
        OPEN_OPPORTUNITY("POST /api/opportunities"),
        SET_QUOTA("PUT /api/quotas/{userId}/{quarter}"),
        ASK_COLLEAGUE_TO_ASSIST("POST /api/opportunities/{id}/assist-requests"),
        MOVE_CLOSE_DATE("PUT /api/opportunities/{id}/close-date"),
        REPLACE_PRODUCT_CATALOG("PUT /api/products"),
        ACCEPT_SUGGESTION("POST /api/suggestions/{id}/accept"),
        DISMISS_SUGGESTION("POST /api/suggestions/{id}/dismiss");

        final String label;

        Endpoint(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Expected status per role, in the order of {@link Role}. */
    private static final Map<Endpoint, int[]> MATRIX = new EnumMap<>(Map.ofEntries(
            //                                     owner other sales prod  sol   serv  supp  bill  admin anon
            Map.entry(Endpoint.CREATE_ACCOUNT,        row(403, 403, 201, 403, 403, 403, 403, 403, 403, 401)),
            Map.entry(Endpoint.ADD_CONTACT,           row(201, 404, 201, 403, 403, 403, 403, 403, 403, 401)),
            Map.entry(Endpoint.ADD_SUBSCRIPTION,      row(201, 404, 201, 403, 403, 403, 403, 403, 403, 401)),
            Map.entry(Endpoint.ADD_HEALTH_SIGNAL,     row(201, 404, 201, 403, 403, 403, 403, 403, 403, 401)),
            Map.entry(Endpoint.RECORD_TOUCH_POINT,    row(201, 404, 201, 403, 403, 403, 403, 403, 403, 401)),
            Map.entry(Endpoint.CONTACT_LEFT,          row(200, 404, 200, 403, 403, 403, 403, 403, 403, 401)),
            Map.entry(Endpoint.RENEWAL_KICKOFF,       row(403, 403, 202, 403, 403, 403, 403, 403, 202, 401)),
            Map.entry(Endpoint.HEALTH_SWEEP,          row(403, 403, 202, 403, 403, 403, 403, 403, 202, 401)),
            Map.entry(Endpoint.VALIDATE_RULES,        row(403, 403, 200, 403, 403, 403, 403, 403, 200, 401)),
            Map.entry(Endpoint.SAVE_RULE_DRAFT,       row(403, 403, 201, 403, 403, 403, 403, 403, 201, 401)),
            Map.entry(Endpoint.SAVE_RULE_CODE,        row(403, 403, 403, 403, 403, 403, 403, 403, 201, 401)),
            Map.entry(Endpoint.SAVE_RULE_TEMPLATE,    row(403, 403, 403, 403, 403, 403, 403, 403, 201, 401)),
            Map.entry(Endpoint.IMPORT_RULE_WORKBOOK,  row(403, 403, 201, 403, 403, 403, 403, 403, 201, 401)),
            Map.entry(Endpoint.SUGGEST_BOUNDARY_SCENARIOS, row(403, 403, 200, 403, 403, 403, 403, 403, 200, 401)),
            Map.entry(Endpoint.TEST_RULE_VERSION,     row(403, 403, 200, 403, 403, 403, 403, 403, 200, 401)),
            Map.entry(Endpoint.SIMULATE_RULE_VERSION, row(403, 403, 200, 403, 403, 403, 403, 403, 200, 401)),
            Map.entry(Endpoint.PUBLISH_RULE_VERSION,  row(403, 403, 200, 403, 403, 403, 403, 403, 200, 401)),
            Map.entry(Endpoint.RESTORE_RULE_VERSION,  row(403, 403, 201, 403, 403, 403, 403, 403, 201, 401)),
            Map.entry(Endpoint.ADD_RULE_SCENARIO,     row(403, 403, 201, 403, 403, 403, 403, 403, 201, 401)),
            Map.entry(Endpoint.DELETE_RULE_SCENARIO,  row(403, 403, 204, 403, 403, 403, 403, 403, 204, 401)),
            // Salesforce files come in through sales managers only: a rep's own book included
            Map.entry(Endpoint.IMPORT_ACCOUNTS,       row(403, 403, 200, 403, 403, 403, 403, 403, 403, 401)),
            Map.entry(Endpoint.IMPORT_CONTACTS,       row(403, 403, 200, 403, 403, 403, 403, 403, 403, 401)),
            // a rep logs for her own accounts only; product management marks shipped (a request under review: 409)
            Map.entry(Endpoint.LOG_FEATURE_REQUEST,   row(201, 403, 201, 403, 403, 403, 403, 403, 403, 401)),
            Map.entry(Endpoint.SHIP_FEATURE_REQUEST,  row(403, 403, 409, 409, 403, 403, 403, 403, 403, 401)),
            // product management (and sales managers) confirm that two customers ask for the same thing; the account
            // manager for her own customers' request
            Map.entry(Endpoint.LINK_FEATURE_REQUEST,  row(200, 403, 200, 200, 403, 403, 403, 403, 403, 401)),
            // the account manager carries her own customer's problem to a division; the divisions answer, never raise
            Map.entry(Endpoint.RAISE_ESCALATION,      row(201, 403, 201, 403, 403, 403, 403, 403, 403, 401)),
            // another rep's account is refused outright: opening a deal is not reading the account
            Map.entry(Endpoint.OPEN_OPPORTUNITY,      row(201, 403, 201, 403, 403, 403, 403, 403, 403, 401)),
            Map.entry(Endpoint.SET_QUOTA,             row(403, 403, 200, 403, 403, 403, 403, 403, 403, 401)),
            // a sales manager asks a rep to help on a colleague's deal; reps do not task each other
            Map.entry(Endpoint.ASK_COLLEAGUE_TO_ASSIST, row(403, 403, 201, 403, 403, 403, 403, 403, 403, 401)),
            // the deal's owner or a sales manager moves its close date; another rep is refused
            Map.entry(Endpoint.MOVE_CLOSE_DATE,       row(200, 403, 200, 403, 403, 403, 403, 403, 403, 401)),
            // the catalog (prices, verticals, complements) is the sales managers' to keep; everyone reads it
            Map.entry(Endpoint.REPLACE_PRODUCT_CATALOG, row(403, 403, 200, 403, 403, 403, 403, 403, 403, 401)),
            // the account's owner acts on its expansion suggestions, and sales managers; another rep is refused
            Map.entry(Endpoint.ACCEPT_SUGGESTION,     row(200, 403, 200, 403, 403, 403, 403, 403, 403, 401)),
            Map.entry(Endpoint.DISMISS_SUGGESTION,    row(200, 403, 200, 403, 403, 403, 403, 403, 403, 401))));

    // the rule set the rule rows work on; every version written here carries its active DRL, so nothing changes
    private static final String RULE_SET = "health";

    private final ObjectMapper json = new ObjectMapper();
    private static String ivysAccount;
    private static String ivysContact;
    private static String ivysDeal;
    private static int closeDateMoves;
    private static Integer sharedDraft;
    private static String catalogBefore;
    private static Integer sharedRestoreTarget;

    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    private static int[] row(int... statuses) {
        return statuses;
    }

    static Stream<Arguments> matrix() {
        return Arrays.stream(Endpoint.values()).flatMap(endpoint -> Arrays.stream(Role.values())
                .map(role -> Arguments.of(endpoint, role, MATRIX.get(endpoint)[role.ordinal()])));
    }

    @BeforeEach
    void team() throws Exception {
        TestUsers.ensure(identity);
        if (ivysAccount == null) {
            ivysAccount = created(post("/api/accounts", TestUsers.MAX, account("Matrix Mutual " + unique())))
                    .get("id").asText();
        }
        if (ivysContact == null) {
            ivysContact = created(post("/api/accounts/" + ivysAccount + "/contacts", TestUsers.MAX,
                    "{\"name\":\"Sam Sponsor\",\"role\":\"EXECUTIVE_SPONSOR\"}")).get("id").asText();
        }
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void everyWriteAnswersAsTheMatrixSaysAndARefusalStoresNothing(Endpoint endpoint, Role role, int expected)
            throws Exception {
        boolean allowed = expected < 300;
        Call call = prepare(endpoint, allowed);
        Map<String, Long> before = rowCounts();
        int activeBefore = activeVersion();

        HttpResponse<String> response = call.workbook() != null
                ? asText(sendBytes("POST", call.path(), role.user, XLSX, call.workbook()))
                : call.csv()
                ? post(call.path(), role.user, "text/csv", call.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : send(call.method(), call.path(), role.user, call.body(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (allowed) {
            cleanUp(endpoint, response);
            return;
        }
        JsonNode error = json.readTree(response.body());
        assertThat(error.hasNonNull("error")).as(response.body()).isTrue();
        assertThat(error.get("details").isArray()).as(response.body()).isTrue();
        assertThat(rowCounts()).as("nothing stored for a refused request").isEqualTo(before);
        assertThat(activeVersion()).as("the live rules did not change").isEqualTo(activeBefore);
        if (call.scenarioId() != null) {
            // the scenario a refused delete left standing is the test's own; it must not gate later publishes
            jdbc.update("delete from rule_scenario where id = ?", call.scenarioId());
        }
    }

    record Call(String method, String path, String body, String scenarioId, byte[] workbook, boolean csv) {
        Call(String path, String body) {
            this("POST", path, body, null, null, false);
        }

        Call(String method, String path, String body, String scenarioId) {
            this(method, path, body, scenarioId, null, false);
        }

        Call(String method, String path, String body, String scenarioId, byte[] workbook) {
            this(method, path, body, scenarioId, workbook, false);
        }

        static Call csv(String path, String... lines) {
            return new Call("POST", path, String.join("\r\n", lines) + "\r\n", null, null, true);
        }
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The byte answer read as text, so every answer is checked the same way. */
    private static HttpResponse<String> asText(HttpResponse<byte[]> response) {
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        return new HttpResponse<>() {
            public int statusCode() { return response.statusCode(); }
            public java.net.http.HttpRequest request() { return response.request(); }
            public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
            public java.net.http.HttpHeaders headers() { return response.headers(); }
            public String body() { return body; }
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return response.sslSession(); }
            public java.net.URI uri() { return response.uri(); }
            public java.net.http.HttpClient.Version version() { return response.version(); }
        };
    }

    /** The active table as Excel, one threshold changed, so an upload is a real new draft. */
    private byte[] changedWorkbook() throws Exception {
        byte[] active = sendBytes("GET", "/api/rule-sets/" + RULE_SET + "/versions/" + activeVersion() + "/table.xlsx",
                TestUsers.IVY, null, null).body();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(active));
             var out = new java.io.ByteArrayOutputStream()) {
            var row = book.getSheet(RULE_SET).getRow(5);
            for (var header : book.getSheet(RULE_SET).getRow(0)) {
                if (header.getStringCellValue().equals("Open escalations ≥")) {
                    int column = header.getColumnIndex();
                    (row.getCell(column) == null ? row.createCell(column) : row.getCell(column))
                            .setCellValue(2 + (int) (Math.random() * 1000));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private Call prepare(Endpoint endpoint, boolean allowed) throws Exception {
        String rules = "/api/rule-sets/" + RULE_SET;
        return switch (endpoint) {
            case CREATE_ACCOUNT -> new Call("/api/accounts", account("Matrix Account " + unique()));
            case ADD_CONTACT -> new Call("/api/accounts/" + ivysAccount + "/contacts",
                    "{\"name\":\"Kim Matrix\",\"role\":\"CHAMPION\",\"email\":\"kim@matrix.example\"}");
            case ADD_SUBSCRIPTION -> new Call("/api/accounts/" + ivysAccount + "/subscriptions",
                    "{\"product\":\"Claims Analytics\",\"arr\":120000.00,\"startDate\":\"2030-01-01\","
                            + "\"endDate\":\"2031-12-31\"}");
            case ADD_HEALTH_SIGNAL -> new Call("/api/accounts/" + ivysAccount + "/health-signals",
                    "{\"recordedAt\":\"2026-11-01T10:00:00Z\",\"activeUsersChangePct\":3.5,\"openEscalations\":0,"
                            + "\"csat\":4.5}");
            case RECORD_TOUCH_POINT -> new Call("/api/accounts/" + ivysAccount + "/touch-points",
                    "{\"contactId\":\"" + ivysContact + "\",\"kind\":\"CALL\",\"occurredAt\":\"2026-11-01T10:00:00Z\"}");
            case CONTACT_LEFT -> new Call("/api/accounts/" + ivysAccount + "/contacts/"
                    + created(post("/api/accounts/" + ivysAccount + "/contacts", TestUsers.MAX,
                            "{\"name\":\"Lee Leaving\",\"role\":\"TECHNICAL\"}")).get("id").asText() + "/departure",
                    "{\"leftAt\":\"2026-11-01T10:00:00Z\"}");
            case RENEWAL_KICKOFF -> new Call("/api/renewals/kickoff", "{}");
            case HEALTH_SWEEP -> new Call("/api/health/sweep", "{}");
            case VALIDATE_RULES -> new Call(rules + "/validate", json.writeValueAsString(Map.of("drl", activeDrl())));
            case SAVE_RULE_DRAFT -> new Call(rules + "/versions", draftBody());
            case SAVE_RULE_CODE -> new Call(rules + "/versions", codeBody());
            case SAVE_RULE_TEMPLATE -> new Call(rules + "/versions", templateBody());
            case IMPORT_RULE_WORKBOOK -> new Call("POST", rules + "/versions?baseVersion=" + latestVersion(), null, null,
                    changedWorkbook());
            case SUGGEST_BOUNDARY_SCENARIOS -> new Call(rules + "/versions/" + activeVersion() + "/boundary-scenarios", "");
            case TEST_RULE_VERSION -> new Call(rules + "/versions/" + activeVersion() + "/test", "");
            case SIMULATE_RULE_VERSION -> new Call(rules + "/versions/" + activeVersion() + "/simulate", "");
            case PUBLISH_RULE_VERSION -> new Call(rules + "/versions/" + (allowed ? newDraft() : sharedDraft()) + "/publish",
                    "");
            case ADD_RULE_SCENARIO -> new Call(rules + "/scenarios", healthyScenario());
            case DELETE_RULE_SCENARIO -> {
                String id = created(post(rules + "/scenarios", TestUsers.MAX, healthyScenario())).get("id").asText();
                yield new Call("DELETE", rules + "/scenarios/" + id, null, allowed ? null : id);
            }
            case RESTORE_RULE_VERSION -> new Call(rules + "/versions/" + (allowed ? restoreTarget() : sharedRestoreTarget())
                    + "/restore", "");
            case IMPORT_ACCOUNTS -> Call.csv("/api/import/accounts", "Id,Name,Industry,Territory__c,Tier__c,OwnerId",
                    salesforceId("001") + ",Matrix Import " + unique() + ",Insurance,NORTHEAST,Growth," + TestUsers.IVY);
            // a contact on Ivy's account, named by its AccountFlow id
            case IMPORT_CONTACTS -> Call.csv("/api/import/contacts", "Id,AccountId,FirstName,LastName,Role__c",
                    salesforceId("003") + "," + ivysAccount + ",Kim,Matrix,Champion");
            case LOG_FEATURE_REQUEST -> new Call("/api/feature-requests", featureRequest());
            case SHIP_FEATURE_REQUEST -> new Call("/api/feature-requests/"
                    + created(post("/api/feature-requests", TestUsers.IVY, featureRequest())).get("id").asText()
                    + "/shipped", "");
            case LINK_FEATURE_REQUEST -> {
                String master = created(post("/api/feature-requests", TestUsers.IVY, featureRequest())).get("id").asText();
                String repeat = created(post("/api/feature-requests", TestUsers.IVY, featureRequest())).get("id").asText();
                yield new Call("/api/feature-requests/" + repeat + "/duplicate-of", "{\"masterId\":\"" + master + "\"}");
            }
            case RAISE_ESCALATION -> new Call("/api/escalations", "{\"accountId\":\"" + ivysAccount
                    + "\",\"division\":\"SUPPORT\",\"severity\":\"S3\",\"summary\":\"Matrix outage " + unique()
                    + "\",\"customerImpact\":\"Reports are late\"}");
            case OPEN_OPPORTUNITY -> new Call("/api/opportunities", "{\"accountId\":\"" + ivysAccount
                    + "\",\"type\":\"EXPANSION\",\"name\":\"Matrix expansion\",\"product\":\"Analytics\","
                    + "\"amount\":50000,\"closeDate\":\"" + java.time.LocalDate.now().plusDays(60) + "\"}");
            case REPLACE_PRODUCT_CATALOG -> {
                catalogBefore = get("/api/products", TestUsers.MAX).body();
                String extra = "{\"name\":\"Matrix Product " + unique() + "\",\"verticals\":[\"OTHER\"],"
                        + "\"listArr\":{\"STRATEGIC\":1,\"ENTERPRISE\":1,\"GROWTH\":1},\"complements\":[]}";
                String body = catalogBefore.equals("[]") ? "[" + extra + "]"
                        : catalogBefore.substring(0, catalogBefore.length() - 1) + "," + extra + "]";
                yield new Call("PUT", "/api/products", body, null);
            }
            case ACCEPT_SUGGESTION -> new Call("/api/suggestions/" + openSuggestion() + "/accept", "");
            case DISMISS_SUGGESTION -> new Call("/api/suggestions/" + openSuggestion() + "/dismiss",
                    "{\"reason\":\"They bought a competitor's last year\"}");
            case SET_QUOTA -> new Call("PUT", "/api/quotas/" + TestUsers.IVY + "/2031-Q1", "{\"EXPANSION\":100000}", null);
            case MOVE_CLOSE_DATE -> new Call("PUT", "/api/opportunities/" + ivysDeal() + "/close-date",
                    "{\"closeDate\":\"" + java.time.LocalDate.now().plusDays(61 + (closeDateMoves++)) + "\"}", null);
            case ASK_COLLEAGUE_TO_ASSIST -> new Call("/api/opportunities/" + ivysDeal() + "/assist-requests",
                    "{\"assistantId\":\"" + TestUsers.NED + "\",\"request\":\"Join the CFO call on Thursday\"}");
        };
    }

    /** A fresh open suggestion on Ivy's account, as the expansion-signals table would leave it. */
    private String openSuggestion() {
        String id = UUID.randomUUID().toString();
        String product = "Matrix Product " + unique();
        jdbc.update("insert into expansion_suggestion (id, account_id, kind, product, reason, estimated_amount, rule_row, "
                + "rule_set_version, quiet_days, status, open_key, suggested_at) values (?, ?, 'WHITESPACE', ?, "
                + "'Fits and complements', 50000, 'A product of the account''s vertical that complements one it owns', "
                + "1, 90, 'OPEN', ?, now())", id, ivysAccount, product, ivysAccount + "|WHITESPACE|" + product);
        return id;
    }

    private String ivysDeal() throws Exception {
        if (ivysDeal == null) {
            ivysDeal = created(post("/api/opportunities", TestUsers.MAX, "{\"accountId\":\"" + ivysAccount
                    + "\",\"type\":\"EXPANSION\",\"name\":\"Matrix deal to help on\",\"product\":\"Analytics\","
                    + "\"amount\":40000,\"closeDate\":\"" + java.time.LocalDate.now().plusDays(60) + "\"}"))
                    .get("id").asText();
        }
        return ivysDeal;
    }

    private String featureRequest() {
        return "{\"accountId\":\"" + ivysAccount + "\",\"title\":\"Matrix export " + unique()
                + "\",\"description\":\"Needed\",\"productArea\":\"ANALYTICS\",\"businessImpact\":\"NICE_TO_HAVE\"}";
    }

    private void cleanUp(Endpoint endpoint, HttpResponse<String> response) throws Exception {
        if (endpoint == Endpoint.ADD_RULE_SCENARIO) {
            // a scenario gates every later publish of its rule set: the one added here must not outlive the test
            jdbc.update("delete from rule_scenario where id = ?", json.readTree(response.body()).get("id").asText());
        }
        if (endpoint == Endpoint.REPLACE_PRODUCT_CATALOG) {
            assertThat(send("PUT", "/api/products", TestUsers.MAX, catalogBefore, null).statusCode()).isEqualTo(200);
        }
    }

    private int sharedDraft() throws Exception {
        if (sharedDraft == null) {
            sharedDraft = newDraft();
        }
        return sharedDraft;
    }

    private int sharedRestoreTarget() throws Exception {
        if (sharedRestoreTarget == null) {
            sharedRestoreTarget = restoreTarget();
        }
        return sharedRestoreTarget;
    }

    private int newDraft() throws Exception {
        return created(post("/api/rule-sets/" + RULE_SET + "/versions", TestUsers.MAX, draftBody())).get("version").asInt();
    }

    /** A version that is not active and holds the active DRL: publishing a copy of the active one makes one. */
    private int restoreTarget() throws Exception {
        int active = activeVersion();
        int copy = newDraft();
        HttpResponse<String> published = post("/api/rule-sets/" + RULE_SET + "/versions/" + copy + "/publish",
                TestUsers.MAX, "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return active;
    }

    /** The active table's rows, saved again as a new draft. */
    private String draftBody() throws Exception {
        JsonNode table = json.readTree(get("/api/rule-sets/" + RULE_SET + "/table", TestUsers.IVY).body());
        Map<String, Object> draft = new LinkedHashMap<>();
        java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
        table.get("rows").forEach(r -> rows.add(Map.of("name", r.get("name").asText(),
                "cells", json.convertValue(r.get("cells"), Map.class))));
        draft.put("rows", rows);
        draft.put("comment", "Same rules, saved again");
        draft.put("baseVersion", latestVersion());
        return json.writeValueAsString(draft);
    }

    private String codeBody() throws Exception {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("drl", activeDrl());
        draft.put("comment", "Same rules, saved again");
        draft.put("baseVersion", latestVersion());
        return json.writeValueAsString(draft);
    }

    private String templateBody() throws Exception {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("template", new String(getClass().getClassLoader()
                .getResourceAsStream("rules/" + RULE_SET + ".drt").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        draft.put("comment", "Same template, saved again");
        draft.put("baseVersion", latestVersion());
        return json.writeValueAsString(draft);
    }

    private String healthyScenario() throws Exception {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("accountName", "Matrix Mutual");
        facts.put("tier", "ENTERPRISE");
        facts.put("vertical", "INSURANCE");
        facts.put("daysToRenewal", 300);
        facts.put("daysSinceExecutiveEngagement", 5);
        facts.put("hasExecutiveSponsor", true);
        facts.put("activeUsersChangePct", 10.0);
        facts.put("openEscalations", 0);
        facts.put("csat", 4.8);
        return json.writeValueAsString(Map.of("name", "Healthy and engaged " + unique(), "facts", facts,
                "expected", Map.of("atRisk", false)));
    }

    private String activeDrl() {
        return jdbc.queryForObject("select v.drl from rule_set_version v join rule_set r on r.name = v.rule_set"
                + " and r.active_version = v.version where r.name = ?", String.class, RULE_SET);
    }

    private int activeVersion() {
        return jdbc.queryForObject("select active_version from rule_set where name = ?", Integer.class, RULE_SET);
    }

    private int latestVersion() {
        return jdbc.queryForObject("select max(version) from rule_set_version where rule_set = ?", Integer.class,
                RULE_SET);
    }

    private Map<String, Long> rowCounts() {
        return RowCounts.of(jdbc);
    }

    private JsonNode created(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private static String account(String name) {
        return "{\"name\":\"" + name + "\",\"vertical\":\"INSURANCE\",\"territory\":\"NORTHEAST\",\"tier\":\"ENTERPRISE\","
                + "\"ownerId\":\"" + TestUsers.IVY + "\"}";
    }

    /** A fresh 18-character Salesforce Id: letters and digits after the object's key prefix. */
    private static String salesforceId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "AAA";
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
