package dev.accountflow.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The accounts API as an integration would call it: who may do what, and what bad input gets. */
class AccountApiIT extends PostgresIT {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
    }

    @Test
    void onlyHealthAnswersWithoutSigningIn() {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        for (String path : new String[] {"/api/accounts", "/api/notifications", "/api/decisions", "/engine-rest/task",
                "/engine-rest/process-definition"}) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(get("/", null).statusCode()).as("pages send you to the login page").isEqualTo(302);
        assertThat(post("/api/renewals/kickoff", null, "{}").statusCode()).isEqualTo(401);
        assertThat(get("/api/accounts", "nobody").statusCode()).isEqualTo(401);
    }

    @Test
    void salesManagerCreatesAccountsAndRepsCannot() throws Exception {
        String body = account("Northwind Health " + unique(), TestUsers.IVY);
        HttpResponse<String> created = post("/api/accounts", TestUsers.MAX, body);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("ownerId").asText()).isEqualTo(TestUsers.IVY);

        HttpResponse<String> denied = post("/api/accounts", TestUsers.IVY, account("Rogue Account " + unique(), TestUsers.IVY));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json.readTree(denied.body()).get("error").asText()).isNotBlank();
        assertThat(post("/api/renewals/kickoff", TestUsers.IVY, "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void aRepSeesHerOwnBookOnly() throws Exception {
        String ivys = id(post("/api/accounts", TestUsers.MAX, account("Ivy Book Bank " + unique(), TestUsers.IVY)));
        String neds = id(post("/api/accounts", TestUsers.MAX, account("Ned Book Mutual " + unique(), TestUsers.NED)));

        JsonNode list = json.readTree(get("/api/accounts", TestUsers.IVY).body());
        assertThat(list.findValuesAsText("ownerId")).containsOnly(TestUsers.IVY);
        assertThat(list.findValuesAsText("id")).contains(ivys).doesNotContain(neds);
        assertThat(get("/api/accounts/" + neds, TestUsers.IVY).statusCode()).isEqualTo(404);
        assertThat(post("/api/accounts/" + neds + "/contacts", TestUsers.IVY,
                "{\"name\":\"Sneaky\",\"role\":\"CHAMPION\"}").statusCode()).isEqualTo(404);
        assertThat(get("/api/accounts/" + neds, TestUsers.MAX).statusCode()).isEqualTo(200);
        assertThat(get("/api/accounts/" + ivys + "/risk-flags", TestUsers.IVY).statusCode()).isEqualTo(200);
    }

    @Test
    void badAccountInputIsRefusedNamingTheFieldAndStoresNothing() throws Exception {
        int before = count("account");
        expectBadRequest(post("/api/accounts", TestUsers.MAX, "{\"name\": \"Broken"), "line 1");
        expectBadRequest(post("/api/accounts", TestUsers.MAX,
                "{\"vertical\":\"HEALTHCARE\",\"territory\":\"NORTHEAST\",\"tier\":\"GROWTH\"}"), "name");
        expectBadRequest(post("/api/accounts", TestUsers.MAX,
                "{\"name\":\"Retail Co\",\"vertical\":\"RETAIL\",\"territory\":\"NORTHEAST\",\"tier\":\"GROWTH\"}"),
                "vertical");
        expectBadRequest(post("/api/accounts", TestUsers.MAX,
                "{\"name\":\"Extra Co\",\"vertical\":\"OTHER\",\"territory\":\"NORTHEAST\",\"tier\":\"GROWTH\",\"color\":\"red\"}"),
                "color");
        expectBadRequest(post("/api/accounts", TestUsers.MAX, account("Ghost Owner Co " + unique(), "ghost")), "ownerId");
        expectBadRequest(post("/api/accounts", TestUsers.MAX,
                "{\"name\":\"Spaces Co\",\"vertical\":\"OTHER\",\"territory\":\"NORTH EAST!\",\"tier\":\"GROWTH\"}"),
                "territory");
        assertThat(count("account")).isEqualTo(before);
    }

    @Test
    void badContactSubscriptionAndSignalInputIsRefusedNamingTheField() throws Exception {
        String id = id(post("/api/accounts", TestUsers.MAX, account("Input Check Trust " + unique(), TestUsers.IVY)));
        int contacts = count("contact");
        int subscriptions = count("subscription");
        int signals = count("health_signal");

        expectBadRequest(post("/api/accounts/" + id + "/contacts", TestUsers.IVY,
                "{\"name\":\"Kim\",\"role\":\"CEO\"}"), "role");
        expectBadRequest(post("/api/accounts/" + id + "/contacts", TestUsers.IVY,
                "{\"name\":\"Kim\",\"role\":\"CHAMPION\",\"email\":\"not-an-address\"}"), "email");
        expectBadRequest(post("/api/accounts/" + id + "/contacts", TestUsers.IVY,
                "{\"name\":\"Kim\",\"role\":\"CHAMPION\",\"lastEngagedAt\":\"yesterday\"}"), "lastEngagedAt");

        LocalDate today = LocalDate.now();
        expectBadRequest(post("/api/accounts/" + id + "/subscriptions", TestUsers.IVY,
                "{\"product\":\"Claims Analytics\",\"arr\":-5,\"startDate\":\"" + today + "\",\"endDate\":\""
                        + today.plusYears(1) + "\"}"), "arr");
        expectBadRequest(post("/api/accounts/" + id + "/subscriptions", TestUsers.IVY,
                "{\"product\":\"Claims Analytics\",\"arr\":5000,\"startDate\":\"" + today + "\",\"endDate\":\""
                        + today.minusDays(1) + "\"}"), "endDate");
        expectBadRequest(post("/api/accounts/" + id + "/subscriptions", TestUsers.IVY,
                "{\"product\":\"Claims Analytics\",\"arr\":\"lots\",\"startDate\":\"" + today + "\",\"endDate\":\""
                        + today.plusYears(1) + "\"}"), "arr");

        expectBadRequest(post("/api/accounts/" + id + "/health-signals", TestUsers.IVY,
                "{\"recordedAt\":\"2026-11-01T10:00:00Z\",\"csat\":7}"), "csat");
        expectBadRequest(post("/api/accounts/" + id + "/health-signals", TestUsers.IVY,
                "{\"csat\":4}"), "recordedAt");
        expectBadRequest(post("/api/accounts/" + id + "/health-signals", TestUsers.IVY,
                "{\"recordedAt\":\"2026-11-01T10:00:00Z\",\"openEscalations\":-1}"), "openEscalations");

        assertThat(count("contact")).isEqualTo(contacts);
        assertThat(count("subscription")).isEqualTo(subscriptions);
        assertThat(count("health_signal")).isEqualTo(signals);

        assertThat(post("/api/accounts/" + id + "/contacts", TestUsers.IVY,
                "{\"name\":\"Kim Lee\",\"role\":\"EXECUTIVE_SPONSOR\",\"email\":\"kim@example.org\"}").statusCode())
                .isEqualTo(201);
        assertThat(post("/api/accounts/" + id + "/subscriptions", TestUsers.IVY,
                "{\"product\":\"Claims Analytics\",\"arr\":125000.50,\"startDate\":\"" + today + "\",\"endDate\":\""
                        + today.plusYears(1) + "\"}").statusCode()).isEqualTo(201);
        assertThat(post("/api/accounts/" + id + "/health-signals", TestUsers.IVY,
                "{\"recordedAt\":\"2026-11-01T10:00:00Z\",\"activeUsersChangePct\":-12.5,\"openEscalations\":1,\"csat\":3.9}")
                .statusCode()).isEqualTo(201);
        JsonNode account = json.readTree(get("/api/accounts/" + id, TestUsers.IVY).body());
        assertThat(account.get("subscriptions").get(0).get("arr").decimalValue()).isEqualByComparingTo("125000.50");
        assertThat(account.get("contacts").get(0).get("role").asText()).isEqualTo("EXECUTIVE_SPONSOR");
    }

    private void expectBadRequest(HttpResponse<String> response, String named) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("error").asText() + " " + error.get("details")).as(response.body()).contains(named);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    private static String account(String name, String owner) {
        return "{\"name\":\"" + name + "\",\"vertical\":\"HEALTHCARE\",\"territory\":\"NORTHEAST\",\"tier\":\"ENTERPRISE\","
                + "\"ownerId\":\"" + owner + "\"}";
    }

    private String id(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asText();
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
