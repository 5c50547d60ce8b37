package dev.accountflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input is refused with a 4xx naming the field, in the API's error format, and nothing is stored. */
class ApiBadInputIT extends PostgresIT {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private String account;

    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void anAccountOfIvys() throws Exception {
        TestUsers.ensure(identity);
        HttpResponse<String> created = post("/api/accounts", TestUsers.MAX, account("Input Guard Health " + unique()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        account = json.readTree(created.body()).get("id").asText();
    }

    @Test
    void jsonThatCouldMeanTwoThingsIsRefused() throws Exception {
        refused(() -> post("/api/accounts", TestUsers.MAX, "{\"name\":\"Twice Co\",\"name\":\"Thrice Co\","
                + "\"vertical\":\"OTHER\",\"territory\":\"NORTHEAST\",\"tier\":\"GROWTH\"}"), 400, "name");
        refused(() -> post("/api/accounts", TestUsers.MAX, account("Trailing Co " + unique()) + " {\"more\":1}"), 400, "line 1");
        refused(() -> post("/api/accounts", TestUsers.MAX, account("Trailing Co " + unique()) + "]"), 400, "line 1");
        refused(() -> post("/api/accounts", TestUsers.MAX, "{\"name\":\"Numbered Co\",\"vertical\":0,"
                + "\"territory\":\"NORTHEAST\",\"tier\":\"GROWTH\"}"), 400, "vertical");
        refused(() -> post("/api/accounts", TestUsers.MAX, "{\"name\":\"Numbered Co\",\"vertical\":\"0\","
                + "\"territory\":\"NORTHEAST\",\"tier\":\"GROWTH\"}"), 400, "vertical");
        refused(() -> post("/api/accounts", TestUsers.MAX, "{\"name\":\"Spaced Co\",\"vertical\":\"OTHER\","
                + "\"territory\":\"NORTHEAST\",\"tier\":\"GROWTH \"}"), 400, "tier");
        refused(() -> post("/api/accounts", TestUsers.MAX, "{\"name\":\"Spaced Co\",\"vertical\":\" OTHER\","
                + "\"territory\":\"NORTHEAST\",\"tier\":\"GROWTH\"}"), 400, "vertical");
        refused(() -> post("/api/accounts", TestUsers.MAX, "{\"name\":\"Lower Co\",\"vertical\":\"other\","
                + "\"territory\":\"NORTHEAST\",\"tier\":\"GROWTH\"}"), 400, "vertical");
    }

    @Test
    void numbersOutOfAnyRangeAreRefusedNamingTheField() throws Exception {
        for (String arr : new String[] {"1e-1000000000", "1e1000000000", "0.001", "-1", "0", "1e13",
                "123456789012345678901234567890", "\"NaN\"", "\"Infinity\"", "true"}) {
            refused(() -> post(path("subscriptions"), TestUsers.IVY, subscription(arr, "2030-01-01", "2031-01-01")), 400,
                    "arr");
        }
        refused(() -> post(path("health-signals"), TestUsers.IVY,
                "{\"recordedAt\":\"2026-11-01T10:00:00Z\",\"openEscalations\":99999999999999999999}"), 400,
                "openEscalations");
        refused(() -> post(path("health-signals"), TestUsers.IVY,
                "{\"recordedAt\":\"2026-11-01T10:00:00Z\",\"openEscalations\":1e1000000000}"), 400, "openEscalations");
        refused(() -> post(path("health-signals"), TestUsers.IVY,
                "{\"recordedAt\":\"2026-11-01T10:00:00Z\",\"openEscalations\":1.5}"), 400, "openEscalations");
        refused(() -> post(path("health-signals"), TestUsers.IVY,
                "{\"recordedAt\":\"2026-11-01T10:00:00Z\",\"csat\":1e-1000000000}"), 400, "csat");
        refused(() -> post(path("health-signals"), TestUsers.IVY,
                "{\"recordedAt\":\"2026-11-01T10:00:00Z\",\"activeUsersChangePct\":-12.555}"), 400,
                "activeUsersChangePct");
        refused(() -> post(path("health-signals"), TestUsers.IVY, "{\"recordedAt\":1e1000000000}"), 400, "recordedAt");
        refused(() -> post(path("health-signals"), TestUsers.IVY, "{\"recordedAt\":-1e1000000000}"), 400, "recordedAt");
    }

    @Test
    void moneyIsStoredAndAnsweredWithItsCentsNeverRounded() throws Exception {
        HttpResponse<String> created = post(path("subscriptions"), TestUsers.IVY,
                subscription("125000.5", "2030-01-01", "2031-01-01"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String stored = jdbc.queryForObject("select arr from subscription where id = ?", String.class,
                json.readTree(created.body()).get("id").asText());
        assertThat(stored).isEqualTo("125000.50");
        assertThat(created.body()).contains("\"arr\":125000.50,");
        assertThat(get("/api/accounts/" + account, TestUsers.IVY).body()).contains("\"arr\":125000.50,");
    }

    @Test
    void textIsTrimmedAndRefusedWhenBlankInvisibleOrHoldingControlCharacters() throws Exception {
        HttpResponse<String> created = post(path("contacts"), TestUsers.IVY,
                json.writeValueAsString(Map.of("name", "  Kim Lee\u00a0 ", "role", "CHAMPION", "email",
                        " kim@example.org ")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("name").asText()).isEqualTo("Kim Lee");
        assertThat(json.readTree(created.body()).get("email").asText()).isEqualTo("kim@example.org");

        for (String name : new String[] {"", "   ", "\u200b\u200b", "\u00a0\u2060\ufeff", "\u3164", "\t\n"}) {
            String body = json.writeValueAsString(Map.of("name", name, "role", "CHAMPION"));
            refused(() -> post(path("contacts"), TestUsers.IVY, body), 400, "name");
        }
        for (String name : new String[] {"Kim\u0000Lee", "\u001b[31mKim Lee\u001b[0m", "Kim\u0085Lee", "Kim\u0007",
                "Kim\nLee"}) {
            String body = json.writeValueAsString(Map.of("name", name, "role", "CHAMPION"));
            refused(() -> post(path("contacts"), TestUsers.IVY, body), 400, "name");
        }
        refused(() -> post(path("contacts"), TestUsers.IVY, "{\"name\":\"\\ud800Kim\",\"role\":\"CHAMPION\"}"), 400,
                "name");
        refused(() -> post(path("contacts"), TestUsers.IVY, "{\"name\":42,\"role\":\"CHAMPION\"}"), 400, "name");
        refused(() -> post("/api/accounts", TestUsers.MAX, account("\u001b]0;Owned\u0007")), 400, "name");
        refused(() -> post(path("subscriptions"), TestUsers.IVY,
                "{\"product\":\"\\u0000\",\"arr\":5,\"startDate\":\"2030-01-01\",\"endDate\":\"2031-01-01\"}"), 400,
                "product");
    }

    @Test
    void datesTheRulesCannotReasonAboutAreRefusedNamingTheField() throws Exception {
        for (String at : new String[] {"+1000000000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z",
                "-0001-01-01T00:00:00Z"}) {
            refused(() -> post(path("contacts"), TestUsers.IVY, "{\"name\":\"Kim\",\"role\":\"CHAMPION\",\"lastEngagedAt\":\""
                    + at + "\"}"), 400, "lastEngagedAt");
            refused(() -> post(path("health-signals"), TestUsers.IVY, "{\"recordedAt\":\"" + at + "\"}"), 400, "recordedAt");
        }
        // the messages speak of dates and numbers as a person writes them, never of Java types
        refused(() -> post(path("subscriptions"), TestUsers.IVY, subscription("5", "1899-12-31", "2031-01-01")), 400,
                "startDate: must be between 1 Jan 1900 and 31 Dec 2200");
        refused(() -> post(path("subscriptions"), TestUsers.IVY, subscription("5", "2030-01-01", "2201-01-01")), 400,
                "endDate");
        refused(() -> post(path("subscriptions"), TestUsers.IVY, subscription("5", "2030-01-01", "2030-01-01")), 400,
                "endDate");
        refused(() -> post(path("subscriptions"), TestUsers.IVY, subscription("5", "2030-02-30", "2031-01-01")), 400,
                "startDate: '2030-02-30' is not a date: write YYYY-MM-DD, e.g. 2027-01-04");
        refused(() -> post(path("subscriptions"), TestUsers.IVY, subscription("\"lots\"", "2030-01-01", "2031-01-01")),
                400, "arr: 'lots' is not a number");
        assertThat(post(path("subscriptions"), TestUsers.IVY, subscription("5", "1900-01-01", "2200-12-31"))
                .statusCode()).as("the bounds themselves are fine").isEqualTo(201);
        assertThat(post(path("contacts"), TestUsers.IVY, "{\"name\":\"Kim\",\"role\":\"CHAMPION\","
                + "\"lastEngagedAt\":\"2200-12-31T23:59:59Z\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void accountNamesAreUniqueIgnoringCaseAndSurroundingSpaces() throws Exception {
        String name = "Harbor Casing Trust " + unique();
        assertThat(post("/api/accounts", TestUsers.MAX, account(name)).statusCode()).isEqualTo(201);
        refused(() -> post("/api/accounts", TestUsers.MAX, account(name.toUpperCase())), 409, "name");
        refused(() -> post("/api/accounts", TestUsers.MAX, account("  " + name.toLowerCase() + "\u00a0")), 409, "name");
    }

    @Test
    void wrongPathMethodContentTypeOrAcceptAnswerInTheApiFormat() throws Exception {
        refused(() -> get("/api/no-such-thing", TestUsers.MAX), 404, "path");
        refused(() -> send("GET", "/api/no-such-thing", TestUsers.MAX, null, "text/html"), 404, "path");
        refused(() -> send("DELETE", "/api/accounts", TestUsers.MAX, null, null), 405, "allowed");
        refused(() -> raw("POST", "/api/accounts", TestUsers.MAX, "text/plain", null, account("Plain Co " + unique())), 415,
                "Content-Type");
        refused(() -> raw("POST", "/api/accounts", TestUsers.MAX, "application/xml", "application/json", "<account/>"), 415,
                "Content-Type");
        refused(() -> raw("POST", "/api/accounts", TestUsers.MAX, "application/json", "text/plain",
                account("Plain Answer Co " + unique())), 406, "Accept");
        refused(() -> raw("POST", path("contacts"), TestUsers.IVY, "application/json", "image/png",
                "{\"name\":\"Kim\",\"role\":\"CHAMPION\"}"), 406, "Accept");
        refused(() -> raw("POST", "/api/accounts", TestUsers.MAX, "application/json", "application/json;q=0, text/html",
                account("Zero Quality Co " + unique())), 406, "Accept");
        refused(() -> raw("POST", "/api/accounts", TestUsers.MAX, "application/json", "this is not a type",
                account("Nonsense Accept Co " + unique())), 406, "Accept");
        refused(() -> send("GET", "/api/accounts/no-such-account", TestUsers.MAX, null, "text/plain"), 406, "Accept");
        refused(() -> send("GET", "/api/accounts", null, null, "text/html"), 401, "");
        refused(() -> send("POST", "/api/renewals/kickoff", TestUsers.IVY, "{}", "application/json"), 403, "");

        assertThat(send("GET", "/api/rule-sets/health", TestUsers.IVY, null, "text/plain").statusCode())
                .as("an endpoint that answers in text still does").isEqualTo(200);
        HttpResponse<String> page = send("GET", "/no-such-page", TestUsers.MAX, null, "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).as("pages keep their error pages")
                .startsWith("text/html");
    }

    private void refused(Supplier<HttpResponse<String>> request, int status, String named) throws Exception {
        Map<String, Long> before = RowCounts.of(jdbc);
        HttpResponse<String> response = request.get();
        assertThat(RowCounts.of(jdbc)).as("nothing stored: " + response.body()).isEqualTo(before);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("error").asText()).as(response.body()).isNotBlank();
        assertThat(error.get("details").isArray()).as(response.body()).isTrue();
        assertThat(error.get("error").asText() + " " + error.get("details")).as(response.body()).contains(named);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.").doesNotContain("\u001b");
    }

    private HttpResponse<String> raw(String method, String path, String user, String contentType, String accept,
                                     String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(http, request.build());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String path(String what) {
        return "/api/accounts/" + account + "/" + what;
    }

    private static String subscription(String arr, String start, String end) {
        return "{\"product\":\"Claims Analytics\",\"arr\":" + arr + ",\"startDate\":\"" + start + "\",\"endDate\":\""
                + end + "\"}";
    }

    private static String account(String name) {
        return "{\"name\":\"" + name.replace("\u001b", "\\u001b").replace("\u0007", "\\u0007")
                + "\",\"vertical\":\"HEALTHCARE\",\"territory\":\"NORTHEAST\",\"tier\":\"ENTERPRISE\","
                + "\"ownerId\":\"" + TestUsers.IVY + "\"}";
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
