package dev.accountflow.book;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A touch point moves the contact's last engagement, which the health rules read, and bad ones store nothing. */
class TouchPointApiIT extends PostgresIT {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void team() {
        TestUsers.ensure(identity);
    }

    @Test
    void anExecutiveMeetingResolvesTheExecutiveSilenceFlag() throws Exception {
        String account = account();
        String sponsor = contact(account, "EXECUTIVE_SPONSOR", Instant.now().minus(100, ChronoUnit.DAYS));
        post("/api/accounts/" + account + "/subscriptions", TestUsers.MAX,
                "{\"product\":\"CareSuite\",\"arr\":250000,\"startDate\":\"2026-01-01\",\"endDate\":\""
                        + java.time.LocalDate.now().plusDays(40) + "\"}");
        Instant met = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        HttpResponse<String> recorded = post("/api/accounts/" + account + "/touch-points", TestUsers.IVY,
                "{\"contactId\":\"" + sponsor + "\",\"kind\":\"MEETING\",\"occurredAt\":\"" + met
                        + "\",\"note\":\"QBR with the CFO\"}");

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(json.readTree(recorded.body()).get("recordedBy").asText()).isEqualTo(TestUsers.IVY);
        JsonNode contacts = json.readTree(get("/api/accounts/" + account, TestUsers.IVY).body()).get("contacts");
        assertThat(Instant.parse(contacts.get(0).get("lastEngagedAt").asText())).isEqualTo(met);
        JsonNode flags = json.readTree(get("/api/accounts/" + account + "/risk-flags", TestUsers.IVY).body());
        flags.forEach(flag -> assertThat(flag.get("code").asText() + flag.get("resolvedAt").isNull())
                .isNotEqualTo("EXEC_SILENT_NEAR_RENEWALtrue"));
        assertThat(json.readTree(get("/api/accounts/" + account + "/touch-points", TestUsers.IVY).body()).size())
                .isEqualTo(1);
    }

    @Test
    void anotherRepsAccountAWrongContactAndAFutureDayAreRefusedAndNothingIsStored() throws Exception {
        String account = account();
        String sponsor = contact(account, "EXECUTIVE_SPONSOR", null);
        String elsewhere = contact(account(), "CHAMPION", null);
        long before = touchPoints();
        String body = "{\"contactId\":\"%s\",\"kind\":\"%s\",\"occurredAt\":\"%s\"}";

        assertThat(post("/api/accounts/" + account + "/touch-points", TestUsers.NED,
                body.formatted(sponsor, "CALL", Instant.now().minusSeconds(60))).statusCode()).isEqualTo(404);
        assertThat(post("/api/accounts/" + account + "/touch-points", TestUsers.PRODUCT_MANAGER,
                body.formatted(sponsor, "CALL", Instant.now().minusSeconds(60))).statusCode()).isEqualTo(403);
        refused(account, body.formatted(elsewhere, "CALL", Instant.now().minusSeconds(60)), "contactId");
        refused(account, body.formatted(sponsor, "CALL", Instant.now().plus(2, ChronoUnit.DAYS)), "occurredAt");
        refused(account, body.formatted(sponsor, "LUNCH", Instant.now().minusSeconds(60)), "kind");
        assertThat(touchPoints()).isEqualTo(before);
    }

    private void refused(String account, String body, String field) throws Exception {
        HttpResponse<String> response = post("/api/accounts/" + account + "/touch-points", TestUsers.IVY, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(field);
    }

    private long touchPoints() {
        return jdbc.queryForObject("select count(*) from touch_point", Long.class);
    }

    private String account() throws Exception {
        HttpResponse<String> created = post("/api/accounts", TestUsers.MAX, "{\"name\":\"Touch Health "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"vertical\":\"HEALTHCARE\",\"territory\":"
                + "\"NORTHEAST\",\"tier\":\"ENTERPRISE\",\"ownerId\":\"" + TestUsers.IVY + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asText();
    }

    private String contact(String account, String role, Instant lastEngaged) throws Exception {
        HttpResponse<String> created = post("/api/accounts/" + account + "/contacts", TestUsers.MAX,
                "{\"name\":\"Dana Cole\",\"role\":\"" + role + "\"" + (lastEngaged == null ? ""
                        : ",\"lastEngagedAt\":\"" + lastEngaged + "\"") + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asText();
    }
}
