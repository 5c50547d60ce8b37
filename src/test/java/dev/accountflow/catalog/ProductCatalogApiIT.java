package dev.accountflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The product catalog over the API and its page on PostgreSQL: the demo products, a manager's whole-catalog edit, bad rows. */
class ProductCatalogApiIT extends PostgresIT {

    @Autowired IdentityService identity;
    private final ObjectMapper json = new ObjectMapper();
    private String before;

    @BeforeEach
    void team() {
        TestUsers.ensure(identity);
        before = get("/api/products", TestUsers.MAX).body();
    }

    @AfterEach
    void restoreTheCatalog() {
        HttpResponse<String> restored = send("PUT", "/api/products", TestUsers.MAX, before, null);
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    }

    @Test
    void everyoneSignedInReadsTheDemoCatalogWithVerticalsPricesAndComplements() throws Exception {
        HttpResponse<String> read = get("/api/products", TestUsers.IVY);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode claims = product(json.readTree(read.body()), "Claims Analytics");
        assertThat(claims.get("verticals").toString()).contains("HEALTHCARE", "INSURANCE");
        assertThat(claims.get("listArr").get("ENTERPRISE").decimalValue()).isEqualByComparingTo("150000");
        assertThat(claims.get("complements").toString()).contains("Policy Administration Cloud");
        for (String demo : List.of("Care Coordination Suite", "Patient Engagement Cloud", "Risk & Compliance Hub",
                "Client Onboarding Cloud", "Payments Analytics", "Policy Administration Cloud", "Agent Portal")) {
            assertThat(product(json.readTree(read.body()), demo)).as(demo).isNotNull();
        }
        assertThat(get("/api/products", TestUsers.SUPPORT).statusCode()).isEqualTo(200);
        assertThat(get("/api/products", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theProductsPageShowsTheCatalogWithMoneyAsPeopleReadIt() {
        HttpResponse<String> page = get("/products", TestUsers.NED);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Claims Analytics", "Healthcare, Insurance", "$150,000", "$480,000",
                "Policy Administration Cloud");
        assertThat(get("/products", TestUsers.PRODUCT_MANAGER).statusCode()).isEqualTo(200);
    }

    @Test
    void aSalesManagerReplacesTheCatalogAndEveryoneReadsTheNewOne() throws Exception {
        String catalog = "[" + product("Fraud Shield", "[\"INSURANCE\",\"FINANCIAL_SERVICES\"]", "[\"Agent Portal\"]")
                + "," + product("Agent Portal", "[\"INSURANCE\"]", "[]") + "]";
        HttpResponse<String> put = send("PUT", "/api/products", TestUsers.MAX, catalog, null);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        JsonNode read = json.readTree(get("/api/products", TestUsers.NED).body());
        assertThat(read.size()).isEqualTo(2);
        assertThat(read.get(0).get("name").asText()).as("catalog order kept").isEqualTo("Fraud Shield");
        assertThat(read.get(0).get("complements").get(0).asText()).isEqualTo("Agent Portal");
        assertThat(read.get(0).get("listArr").get("STRATEGIC").decimalValue()).isEqualByComparingTo("500000");
        assertThat(product(read, "Claims Analytics")).as("a product left out is gone").isNull();
    }

    @Test
    void repsAndOtherRolesCannotEditTheCatalog() {
        for (String user : List.of(TestUsers.IVY, TestUsers.NED, TestUsers.PRODUCT_MANAGER, TestUsers.ADMIN)) {
            HttpResponse<String> put = send("PUT", "/api/products", user, "[" + product("Rogue", "[\"OTHER\"]", "[]")
                    + "]", null);
            assertThat(put.statusCode()).as(user + ": " + put.body()).isEqualTo(403);
        }
        assertThat(get("/api/products", TestUsers.MAX).body()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void badCatalogRowsAre400NamingTheRowAndFieldAndStoreNothing() throws Exception {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"[" + product("Agent Portal", "[\"INSURANCE\"]", "[\"Nowhere Suite\"]") + "]",
                "products[0].complements: no product named Nowhere Suite"});
        cases.add(new String[] {"[" + product("Agent Portal", "[]", "[]") + "]",
                "products[0].verticals: at least one vertical"});
        cases.add(new String[] {"[" + product("Agent Portal", "[\"INSURANCE\"]", "[]") + ","
                + product("agent portal", "[\"INSURANCE\"]", "[]") + "]", "products[1].name: agent portal is listed twice"});
        cases.add(new String[] {"[" + product(" ", "[\"INSURANCE\"]", "[]") + "]", "products[0].name: must not be blank"});
        cases.add(new String[] {"[" + product("Agent Portal", "[\"INSURANCE\"]", "[\"Agent Portal\"]") + "]",
                "products[0].complements: a product does not complement itself"});
        cases.add(new String[] {"[{\"name\":\"Agent Portal\",\"verticals\":[\"INSURANCE\"],"
                + "\"listArr\":{\"STRATEGIC\":-1,\"ENTERPRISE\":1.005},\"complements\":[]}]",
                "products[0].listArr.STRATEGIC: from 0 to less than 1,000,000,000"});
        for (String[] c : cases) {
            HttpResponse<String> put = send("PUT", "/api/products", TestUsers.MAX, c[0], null);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(400);
            assertThat(json.readTree(put.body()).get("details").toString()).as(c[0]).contains(c[1]);
        }
        HttpResponse<String> lastCase = send("PUT", "/api/products", TestUsers.MAX, cases.get(5)[0], null);
        assertThat(lastCase.body()).contains("products[0].listArr.ENTERPRISE: at most 2 decimal places",
                "products[0].listArr.GROWTH: required");
        HttpResponse<String> badVertical = send("PUT", "/api/products", TestUsers.MAX,
                "[" + product("Agent Portal", "[\"SPACE\"]", "[]") + "]", null);
        assertThat(badVertical.statusCode()).as(badVertical.body()).isEqualTo(400);
        assertThat(badVertical.body()).contains("verticals");
        assertThat(get("/api/products", TestUsers.MAX).body()).as("nothing half written").isEqualTo(before);
    }

    private static String product(String name, String verticals, String complements) {
        return "{\"name\":\"" + name + "\",\"verticals\":" + verticals + ",\"listArr\":{\"STRATEGIC\":500000,"
                + "\"ENTERPRISE\":150000.50,\"GROWTH\":50000},\"complements\":" + complements + "}";
    }

    private static JsonNode product(JsonNode catalog, String name) {
        for (JsonNode p : catalog) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
