package dev.accountflow.dataloader;

import static dev.accountflow.dataloader.DataLoaderFiles.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Data Loader files out: round trips with the import, and each person's book only. */
class DataLoaderExportIT extends PostgresIT {

    private static final List<String> KINDS = List.of("accounts", "contacts", "subscriptions", "opportunities");
    private static final Map<String, String> FIXTURES = Map.of("accounts", "Account-extract.csv",
            "contacts", "Contact-extract.csv", "subscriptions", "Subscription__c-extract.csv",
            "opportunities", "Opportunity-extract.csv");

    private final ObjectMapper json = new ObjectMapper();

    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void book() throws Exception {
        TestUsers.ensure(identity);
        for (String kind : KINDS) {
            imported(kind, fixture(FIXTURES.get(kind)));
        }
        // a record made in AccountFlow, with no Salesforce Id: it goes out with its AccountFlow id
        if (jdbc.queryForObject("select count(*) from account where name = 'Made Here Clinics'", Long.class) == 0) {
            assertThat(post("/api/accounts", TestUsers.MAX, "{\"name\":\"Made Here Clinics\",\"vertical\":\"HEALTHCARE\","
                    + "\"territory\":\"NORTHEAST\",\"tier\":\"GROWTH\",\"ownerId\":\"ivy\"}").statusCode()).isEqualTo(201);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts", "contacts", "subscriptions", "opportunities"})
    void anExportImportedAgainChangesNothing(String kind) throws Exception {
        HttpResponse<String> export = get("/api/export/" + kind, TestUsers.MAX);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        long versions = versionSum();

        JsonNode result = imported(kind, export.body().getBytes(StandardCharsets.UTF_8));

        assertThat(result.get("rows").asLong()).isPositive();
        assertThat(result.get("unchanged").asLong()).as(result.toString()).isEqualTo(result.get("rows").asLong());
        assertThat(result.get("created").asLong() + result.get("updated").asLong()).isZero();
        assertThat(versionSum()).isEqualTo(versions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts", "contacts", "subscriptions", "opportunities"})
    void anImportedFileExportsAgainWithTheSameRecords(String kind) throws Exception {
        List<CSVRecord> input = records(new String(fixture(FIXTURES.get(kind)), StandardCharsets.UTF_8).replace("\uFEFF", ""));
        String exported = get("/api/export/" + kind, TestUsers.MAX).body();
        // records made in AccountFlow (other tests' too) have no Salesforce Id: only the fixture's are looked up
        Map<String, CSVRecord> output = records(exported).stream().filter(r -> !r.get("Id").isEmpty())
                .collect(Collectors.toMap(r -> r.get("Id"), r -> r));
        for (CSVRecord in : input) {
            CSVRecord out = output.get(in.get("ID"));
            assertThat(out).as(in.get("ID")).isNotNull();
            for (String column : sameColumns(kind)) {
                assertThat(canonical(out.get(column))).as(in.get("ID") + " " + column)
                        .isEqualTo(canonical(expected(kind, column, in)));
            }
        }
    }

    @Test
    void aDataLoaderExportIsQuotedThroughoutWithCrlfAndCarriesTheForecast() throws Exception {
        String exported = get("/api/export/opportunities", TestUsers.MAX).body();
        assertThat(exported).startsWith("\"Id\",\"AccountFlow_Id__c\",\"AccountId\",\"Name\",\"Type\",\"StageName\","
                + "\"Amount\",\"CloseDate\",\"Probability\",\"ForecastCategoryName\",\"OwnerId\"\r\n");
        CSVRecord expansion = records(exported).stream().filter(r -> r.get("Id").equals("0068c00000LoNwRAAV"))
                .findFirst().orElseThrow();
        assertThat(expansion.get("ForecastCategoryName")).isEqualTo("Commit");
        assertThat(expansion.get("Amount")).isEqualTo("150000.00");
        assertThat(expansion.get("OwnerId")).isEqualTo(DataLoaderImportIT.IVY_IN_SALESFORCE);
        CSVRecord madeHere = records(get("/api/export/accounts", TestUsers.MAX).body()).stream()
                .filter(r -> r.get("Name").equals("Made Here Clinics")).findFirst().orElseThrow();
        assertThat(madeHere.get("Id")).isEmpty();
        assertThat(madeHere.get("AccountFlow_Id__c")).isNotEmpty();
    }

    @Test
    void aRepsExportHoldsOnlyHerOwnBook() throws Exception {
        Set<String> ivysAccounts = Set.copyOf(jdbc.queryForList("select coalesce(sf_id, id) from account where owner_id = 'ivy'",
                String.class));
        List<CSVRecord> accounts = records(get("/api/export/accounts", TestUsers.IVY).body());
        assertThat(accounts).isNotEmpty();
        assertThat(accounts).allSatisfy(r -> assertThat(r.get("OwnerId")).isIn("ivy", DataLoaderImportIT.IVY_IN_SALESFORCE));
        assertThat(accounts.stream().map(r -> r.get("Name"))).contains("Northwind Health System")
                .doesNotContain("Harbor Mutual Insurance, Inc.");
        for (String kind : List.of("contacts", "opportunities")) {
            List<CSVRecord> rows = records(get("/api/export/" + kind, TestUsers.IVY).body());
            assertThat(rows).as(kind).isNotEmpty();
            assertThat(rows).as(kind).allSatisfy(r -> assertThat(r.get("AccountId")).isIn(ivysAccounts));
        }
        assertThat(records(get("/api/export/subscriptions", TestUsers.IVY).body()))
                .allSatisfy(r -> assertThat(r.get("Account__c")).isIn(ivysAccounts));
        List<CSVRecord> neds = records(get("/api/export/contacts", TestUsers.NED).body());
        assertThat(neds.stream().map(r -> r.get("LastName"))).contains("O'Neill").doesNotContain("Whitfield");
        assertThat(records(get("/api/export/accounts", TestUsers.SUPPORT).body())).isEmpty();
        assertThat(get("/api/export/accounts", null).statusCode()).isEqualTo(401);
    }

    // --- helpers ---

    private static List<String> sameColumns(String kind) {
        return switch (kind) {
            case "accounts" -> List.of("Name", "Industry", "Territory__c", "Tier__c", "OwnerId");
            case "contacts" -> List.of("AccountId", "FirstName", "LastName", "Email", "Role__c", "LastActivityDate");
            case "subscriptions" -> List.of("Account__c", "Product__c", "ARR__c", "Start_Date__c", "End_Date__c");
            default -> List.of("AccountId", "Name", "Type", "StageName", "Amount", "CloseDate", "Probability",
                    "ForecastCategoryName", "OwnerId");
        };
    }

    /** What the export should say for an input field: the same record in AccountFlow's spelling of it. */
    private static String expected(String kind, String column, CSVRecord in) {
        String value = in.get(column.toUpperCase());
        Map<String, String> spelling = new HashMap<>(Map.of("Banking", "Financial Services", "Transportation", "Other",
                "Technical Buyer", "Technical", "Existing Customer - Upgrade", "Expansion", "New Customer", "New Business",
                "Negotiation/Review", "Negotiation"));
        if ((column.equals("AccountId") || column.equals("Account__c")) && value.length() == 15) {
            return SalesforceId.normalize(value);
        }
        if (column.equals("OwnerId") && value.isEmpty() && kind.equals("opportunities")) {
            return "ned";
        }
        if (column.equals("OwnerId") && value.equals("ivy")) {
            // ivy's Salesforce user Id is known from accountflow.dataloader.salesforce-users
            return DataLoaderImportIT.IVY_IN_SALESFORCE;
        }
        return spelling.getOrDefault(value, value);
    }

    /** Numbers compared as numbers (Data Loader writes 150000.0, AccountFlow 150000.00). */
    private static String canonical(String value) {
        if (value.matches("-?\\d+(\\.\\d+)?")) {
            return new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
        }
        return value;
    }

    private JsonNode imported(String kind, byte[] file) throws Exception {
        HttpResponse<String> response = post("/api/import/" + kind, TestUsers.MAX, "text/csv", file);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<CSVRecord> records(String csv) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    private long versionSum() {
        return jdbc.queryForObject("select (select coalesce(sum(version), 0) from account)"
                + " + (select coalesce(sum(version), 0) from subscription)"
                + " + (select coalesce(sum(version), 0) from opportunity)", Long.class);
    }
}
