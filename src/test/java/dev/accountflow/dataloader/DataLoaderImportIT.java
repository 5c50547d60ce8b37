package dev.accountflow.dataloader;

import static dev.accountflow.dataloader.DataLoaderFiles.csv;
import static dev.accountflow.dataloader.DataLoaderFiles.fixture;
import static dev.accountflow.dataloader.DataLoaderFiles.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Data Loader files in: a file as Data Loader writes it goes in whole; a file with any bad row is refused whole,
 * naming every bad row, and leaves nothing behind; the same file twice changes nothing. (Batches are 3 rows in the
 * tests, so files of a few rows cross batch boundaries.)
 */
class DataLoaderImportIT extends PostgresIT {

    static final String ACCOUNT_HEADER = "Id,Name,Industry,Territory__c,Tier__c,OwnerId";
    static final String IVY_IN_SALESFORCE = "005000000000IVYAAA";

    private final ObjectMapper json = new ObjectMapper();
    private static String account;

    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void team() {
        TestUsers.ensure(identity);
        if (account == null) {
            account = newId("001");
            assertThat(post("/api/import/accounts", TestUsers.MAX, "text/csv", csv(ACCOUNT_HEADER,
                    account + ",Malformed Files Mutual " + unique() + ",Insurance,NORTHEAST,Enterprise,ivy"))
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aFileAsSalesforceDataLoaderWritesItGoesInWithItsQuotingHeaderSpellingAndOwners() throws Exception {
        JsonNode accounts = imported("accounts", fixture("Account-extract.csv"));
        assertThat(accounts.get("rows").asLong()).isEqualTo(4);
        assertThat(accounts.get("created").asLong() + accounts.get("unchanged").asLong()).isEqualTo(4);
        assertThat(accounts.get("ignoredColumns").toString()).contains("TYPE", "BILLINGSTATE", "DESCRIPTION");
        imported("contacts", fixture("Contact-extract.csv"));
        imported("subscriptions", fixture("Subscription__c-extract.csv"));
        imported("opportunities", fixture("Opportunity-extract.csv"));

        assertThat(jdbc.queryForMap("select name, vertical, territory, tier, owner_id from account where sf_id = ?",
                "0018c00002FxNwHAAV")).containsExactlyInAnyOrderEntriesOf(Map.of("name", "Northwind Health System",
                "vertical", "HEALTHCARE", "territory", "NORTHEAST", "tier", "STRATEGIC", "owner_id", "ivy"));
        assertThat(jdbc.queryForObject("select name from account where sf_id = ?", String.class, "0018c00002FxHbMAAV"))
                .isEqualTo("Harbor Mutual Insurance, Inc.");
        assertThat(jdbc.queryForMap("select name, vertical, owner_id from account where sf_id = ?", "0018c00002FxKsTAAV"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("name", "Keystone \"Trust\" Bank",
                        "vertical", "FINANCIAL_SERVICES", "owner_id", "ivy"));
        assertThat(jdbc.queryForMap("select vertical, owner_id from account where sf_id = ?", "0018c00002FxEvLAAV"))
                .containsEntry("vertical", "OTHER").containsEntry("owner_id", null);
        // the contact's AccountId was the account's 15-character Id
        assertThat(jdbc.queryForMap("select c.name, c.role, c.email, a.sf_id from contact c join account a"
                + " on a.id = c.account_id where c.sf_id = ?", "0038c00001QrBeNAAV")).containsEntry("name", "Raj O'Neill")
                .containsEntry("role", "DECISION_MAKER").containsEntry("sf_id", "0018c00002FxHbMAAV");
        assertThat(jdbc.queryForObject("select role from contact where sf_id = ?", String.class, "0038c00001QrSoPAAV"))
                .isEqualTo("TECHNICAL");
        assertThat(jdbc.queryForObject("select arr from subscription where sf_id = ?", java.math.BigDecimal.class,
                "a0B8c00000ZsHb2EAF")).isEqualByComparingTo("185000.50");
        Map<String, Object> expansion = jdbc.queryForMap("select type, stage, amount, probability, forecast_category,"
                + " owner_id from opportunity where sf_id = ?", "0068c00000LoNwRAAV");
        assertThat(expansion).containsEntry("type", "EXPANSION").containsEntry("stage", "NEGOTIATION")
                .containsEntry("probability", 80).containsEntry("forecast_category", "COMMIT")
                .containsEntry("owner_id", "ivy");
        // no OwnerId: the opportunity belongs to the account's owner
        assertThat(jdbc.queryForObject("select owner_id from opportunity where sf_id = ?", String.class,
                "0068c00000LoHbXAAV")).isEqualTo("ned");
        assertThat(jdbc.queryForObject("select closed_at is not null from opportunity where sf_id = ?", Boolean.class,
                "0068c00000LoKsTAAV")).isTrue();
    }

    @Test
    void theSameFileTwiceChangesNothingAndAChangedRowUpdatesOnlyItsRecord() throws Exception {
        String a = newId("001");
        String b = newId("001");
        String c = newId("001");
        String name = "Idempotent Health " + unique();
        byte[] file = csv(ACCOUNT_HEADER,
                a + "," + name + " A,Healthcare,NORTHEAST,Strategic," + IVY_IN_SALESFORCE,
                b + "," + name + " B,Insurance,NORTHEAST,Growth,ivy",
                c + "," + name + " C,Finance,MIDATLANTIC,Enterprise,ned",
                newId("001") + "," + name + " D,Other,MIDATLANTIC,Enterprise,");
        assertThat(counts(imported("accounts", file))).containsExactly(4L, 0L, 0L);
        assertThat(counts(imported("accounts", file))).containsExactly(0L, 0L, 4L);
        long version = jdbc.queryForObject("select version from account where sf_id = ?", Long.class, b);

        byte[] changed = new String(file, StandardCharsets.UTF_8).replace(name + " B,Insurance,NORTHEAST,Growth",
                name + " B,Insurance,NORTHEAST,Enterprise").getBytes(StandardCharsets.UTF_8);
        assertThat(counts(imported("accounts", changed))).containsExactly(0L, 1L, 3L);
        assertThat(jdbc.queryForMap("select tier, version from account where sf_id = ?", b))
                .containsEntry("tier", "ENTERPRISE").containsEntry("version", version + 1);
        assertThat(jdbc.queryForObject("select owner_id from account where sf_id = ?", String.class, a)).isEqualTo("ivy");
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeNamingEveryBadRowAndWritingNothing() throws Exception {
        String name = "All Or Nothing " + unique();
        String bad1 = newId("001");
        String bad2 = newId("001");
        byte[] file = csv(ACCOUNT_HEADER,
                newId("001") + "," + name + " 1,Healthcare,NORTHEAST,Strategic,ivy",
                newId("001") + "," + name + " 2,Healthcare,NORTHEAST,Strategic,ivy",
                newId("001") + "," + name + " 3,Healthcare,NORTHEAST,Strategic,ivy",
                newId("001") + "," + name + " 4,Healthcare,NORTHEAST,Strategic,ivy",
                bad1 + ",,Healthcare,NORTHEAST,Strategic,ivy",
                newId("001") + "," + name + " 6,Healthcare,NORTHEAST,Strategic,ivy",
                bad2 + "," + name + " 7,Healthcare,NORTHEAST,Platinum,nobody",
                "not-an-id," + name + " 8,Healthcare,NORTH EAST,Growth,ivy");
        JsonNode error = refused("accounts", file);
        assertThat(error.get("error").asText()).contains("not imported", "5 problems", "nothing was written");
        assertThat(details(error)).containsExactly(
                "row 6 (Id " + bad1 + "): Name: is required",
                "row 8 (Id " + bad2 + "): Tier__c: 'Platinum' is not one of Strategic, Enterprise, Growth",
                "row 8 (Id " + bad2 + "): OwnerId: 'nobody' is neither an AccountFlow user nor a mapped Salesforce user"
                        + " (accountflow.dataloader.salesforce-users)",
                "row 9 (Id not-an-id): Id: 'not-an-id' is not a Salesforce Id (15 or 18 letters and digits)",
                "row 9 (Id not-an-id): Territory__c: 'NORTH EAST': letters and underscores only, e.g. NORTHEAST");
        assertThat(jdbc.queryForObject("select count(*) from account where name like ?", Long.class, name + "%"))
                .as("the batches written before the bad rows were rolled back").isZero();
    }

    static Stream<Arguments> malformedFiles() {
        String a = "{account}";
        String opportunityHeader = "Id,AccountId,Name,StageName,Amount,CloseDate,Probability,ForecastCategoryName,OwnerId";
        String good = ",Renewal FY27,Proposal,1000.00,2027-01-04,60,Best Case,ivy";
        byte[] latin1 = (ACCOUNT_HEADER + "\r\n" + newId("001") + ",Café Münster,Healthcare,NORTHEAST,Growth,ivy\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream huge = new ByteArrayOutputStream();
        huge.writeBytes(csv(ACCOUNT_HEADER));
        huge.writeBytes((newId("001") + ",\"" + "x".repeat(10 * 1024 * 1024) + "\",Healthcare,NORTHEAST,Growth,ivy\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("missing Name", "accounts", csv(ACCOUNT_HEADER, newId("001") + ", ,Healthcare,NORTHEAST,Growth,ivy"),
                        List.of("row 2 (Id ", "Name: is required")),
                Arguments.of("bad date", "opportunities", csv(opportunityHeader,
                        newId("006") + "," + a + good.replace("2027-01-04", "2027-02-30")),
                        List.of("row 2", "CloseDate: '2027-02-30' is not a date (yyyy-mm-dd, e.g. 2027-01-04)")),
                Arguments.of("negative Amount", "opportunities", csv(opportunityHeader,
                        newId("006") + "," + a + good.replace("1000.00", "-1000.00")),
                        List.of("Amount: '-1000.00' must be zero or more")),
                Arguments.of("unknown StageName", "opportunities", csv(opportunityHeader,
                        newId("006") + "," + a + good.replace("Proposal", "Verbal Yes")),
                        List.of("StageName: 'Verbal Yes' is not one of Qualify, Discover")),
                Arguments.of("unknown OwnerId", "opportunities", csv(opportunityHeader,
                        newId("006") + "," + a + good.replace(",ivy", ",005000000000NOBODY")),
                        List.of("OwnerId: '005000000000NOBODY' is neither an AccountFlow user")),
                Arguments.of("unknown AccountId", "opportunities", csv(opportunityHeader,
                        newId("006") + "," + newId("001") + good),
                        List.of("AccountId: no account", "(import the accounts first)")),
                Arguments.of("wrong column count", "accounts", csv(ACCOUNT_HEADER,
                        newId("001") + ",Short Row Co,Healthcare,NORTHEAST,Growth"),
                        List.of("row 2: 5 fields, but the header has 6 columns")),
                Arguments.of("unterminated quote", "accounts", csv(ACCOUNT_HEADER,
                        newId("001") + ",\"Open Quote Co,Healthcare,NORTHEAST,Growth,ivy",
                        newId("001") + ",Next Co,Healthcare,NORTHEAST,Growth,ivy"),
                        List.of("row 2: a quoted field is never closed (unterminated quote)")),
                Arguments.of("quoted line break in a name", "accounts", csv(ACCOUNT_HEADER,
                        newId("001") + ",\"Two\r\nLines Co\",Healthcare,NORTHEAST,Growth,ivy",
                        newId("001") + ",,Healthcare,NORTHEAST,Growth,ivy"),
                        List.of("row 2 (Id ", "Name: holds control characters or line breaks", "row 3 (Id ")),
                Arguments.of("a 10 MB field", "accounts", huge.toByteArray(),
                        List.of("row 2: longer than 1,000,000 characters")),
                Arguments.of("non-UTF-8 bytes", "accounts", latin1,
                        List.of("line 2: the file is not UTF-8 text (save or export it as UTF-8)")),
                Arguments.of("an empty file", "accounts", new byte[0],
                        List.of("The file is empty: a Data Loader file starts with a header row")),
                Arguments.of("a header only", "contacts", csv("Id,AccountId,FirstName,LastName,Email,Role__c"),
                        List.of("row 1: the file has a header but no rows")),
                Arguments.of("a required column missing", "contacts", csv("Id,AccountId,FirstName,Email",
                        newId("003") + "," + a + ",Kim,kim@example.com"),
                        List.of("row 1: column LastName is missing", "row 1: column Role__c is missing")),
                Arguments.of("a record twice", "subscriptions", twice(a),
                        List.of("row 3 (Id ", "Id: the file holds this record twice")),
                Arguments.of("end before start", "subscriptions", csv(
                        "Id,Account__c,Product__c,ARR__c,Start_Date__c,End_Date__c",
                        newId("a0B") + "," + a + ",Claims Analytics,1200.999,2027-01-01,2026-01-01"),
                        List.of("ARR__c: '1200.999' has more than 2 decimals", "End_Date__c: must be after Start_Date__c")));
    }

    private static byte[] twice(String account) {
        String id = newId("a0B");
        String row = id + "," + account + ",Claims Analytics,1200.00,2027-01-01,2028-01-01";
        return csv("Id,Account__c,Product__c,ARR__c,Start_Date__c,End_Date__c", row, row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void aMalformedFileIsRefusedNamingTheProblemAndNothingIsWritten(String what, String kind, byte[] file,
                                                                   List<String> expected) throws Exception {
        byte[] withAccount = new String(file, StandardCharsets.ISO_8859_1).replace("{account}", account)
                .getBytes(StandardCharsets.ISO_8859_1);
        JsonNode error = refused(kind, withAccount);
        String details = String.join("\n", details(error));
        assertThat(details).as(what).contains(expected);
    }

    @Test
    void aQuotedLineBreakInAColumnAccountFlowDoesNotKeepIsReadAndRowsCountRecordsNotLines() throws Exception {
        String name = "Multi Line " + unique();
        JsonNode error = refused("accounts", csv(ACCOUNT_HEADER + ",Description",
                newId("001") + "," + name + ",Healthcare,NORTHEAST,Growth,ivy,\"first line,\r\nsecond \"\"quoted\"\" line\"",
                newId("001") + ",,Healthcare,NORTHEAST,Growth,ivy,"));
        assertThat(details(error)).singleElement().asString().startsWith("row 3 (Id ").endsWith("Name: is required");

        JsonNode done = imported("accounts", csv(ACCOUNT_HEADER + ",Description",
                newId("001") + "," + name + ",Healthcare,NORTHEAST,Growth,ivy,\"first line,\r\nsecond line\""));
        assertThat(counts(done)).containsExactly(1L, 0L, 0L);
    }

    @Test
    void repsAndEveryoneButSalesManagersGet403OnImportAndNothingIsWritten() throws Exception {
        byte[] file = csv(ACCOUNT_HEADER, newId("001") + ",Rep Import " + unique() + ",Healthcare,NORTHEAST,Growth,ivy");
        for (String user : List.of(TestUsers.IVY, TestUsers.NED, TestUsers.PRODUCT_MANAGER, TestUsers.SOLUTION_ENGINEER,
                TestUsers.SERVICES, TestUsers.SUPPORT, TestUsers.BILLING, TestUsers.ADMIN)) {
            Map<String, Long> before = counts();
            HttpResponse<String> response = post("/api/import/accounts", user, "text/csv", file);
            assertThat(response.statusCode()).as(user).isEqualTo(403);
            assertThat(json.readTree(response.body()).has("error")).isTrue();
            String boundary = "----accountflow" + unique();
            assertThat(post("/api/import/accounts", user, "multipart/form-data; boundary=" + boundary,
                    multipart(boundary, file)).statusCode()).as(user + " over multipart").isEqualTo(403);
            assertThat(post("/import", user, "multipart/form-data; boundary=" + boundary, pageUpload(boundary, file))
                    .statusCode()).as(user + " on the import page").isEqualTo(403);
            assertThat(counts()).isEqualTo(before);
        }
        assertThat(post("/api/import/accounts", null, "text/csv", file).statusCode()).isEqualTo(401);
        String boundary = "----accountflow" + unique();
        assertThat(post("/import", null, "multipart/form-data; boundary=" + boundary, pageUpload(boundary, file))
                .statusCode()).as("anonymous on the import page").isIn(401, 302);
    }

    @Test
    void aMultipartUploadWithoutItsFileIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        String boundary = "----accountflow" + unique();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Map<String, Long> before = counts();
        HttpResponse<String> response = post("/api/import/accounts", TestUsers.MAX,
                "multipart/form-data; boundary=" + boundary, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("file");
        assertThat(counts()).isEqualTo(before);
    }

    /** What the import page's form sends: which kind of file, and the file. */
    private static byte[] pageUpload(String boundary, byte[] file) {
        byte[] kind = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\naccounts\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] rest = multipart(boundary, file);
        byte[] all = java.util.Arrays.copyOf(kind, kind.length + rest.length);
        System.arraycopy(rest, 0, all, kind.length, rest.length);
        return all;
    }

    private static byte[] multipart(String boundary, byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Account.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Test
    void anImportOfAnotherTypeThanCsvIsRefusedWith415() throws Exception {
        HttpResponse<String> response = post("/api/import/accounts", TestUsers.MAX, "application/json", "{}".getBytes());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json.readTree(response.body()).get("error").asText()).isEqualTo("Send the body as text/csv");
        assertThat(post("/api/import/leads", TestUsers.MAX, "text/csv", csv("Id")).statusCode()).isEqualTo(404);
    }

    @Test
    void aFileUploadedAsMultipartFormDataIsImportedToo() throws Exception {
        String boundary = "----accountflow" + unique();
        byte[] file = csv(ACCOUNT_HEADER, newId("001") + ",Uploaded Co " + unique() + ",Insurance,NORTHEAST,Growth,ned");
        HttpResponse<String> response = post("/api/import/accounts", TestUsers.MAX,
                "multipart/form-data; boundary=" + boundary, multipart(boundary, file));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(counts(json.readTree(response.body()))).containsExactly(1L, 0L, 0L);
    }

    // --- helpers ---

    private JsonNode imported(String kind, byte[] file) throws Exception {
        HttpResponse<String> response = post("/api/import/" + kind, TestUsers.MAX, "text/csv", file);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode refused(String kind, byte[] file) throws Exception {
        Map<String, Long> before = counts();
        HttpResponse<String> response = post("/api/import/" + kind, TestUsers.MAX, "text/csv", file);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(counts()).as("nothing written").isEqualTo(before);
        return json.readTree(response.body());
    }

    private static List<Long> counts(JsonNode result) {
        return List.of(result.get("created").asLong(), result.get("updated").asLong(), result.get("unchanged").asLong());
    }

    private static List<String> details(JsonNode error) {
        List<String> details = new ArrayList<>();
        error.get("details").forEach(d -> details.add(d.asText()));
        return details;
    }

    private Map<String, Long> counts() {
        return jdbc.queryForMap("select (select count(*) from account) as accounts, (select count(*) from contact) as"
                + " contacts, (select count(*) from subscription) as subscriptions, (select count(*) from opportunity)"
                + " as opportunities, (select coalesce(sum(version), 0) from account) as account_versions")
                .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> ((Number) e.getValue()).longValue()));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
