package dev.accountflow.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** GET /api/accounts as pages: bounded sizes, sorting on allowed columns only, search that means what was typed. */
class AccountBookApiIT extends PostgresIT {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired IdentityService identity;

    @BeforeEach
    void team() {
        TestUsers.ensure(identity);
    }

    @Test
    void pageSizesAreBoundedAt200() throws Exception {
        refused("/api/accounts?size=0", "size");
        refused("/api/accounts?size=201", "size");
        refused("/api/accounts?size=100000", "size");
        refused("/api/accounts?page=-1", "page");
        assertThat(get("/api/accounts?size=lots", TestUsers.MAX).statusCode()).isEqualTo(400);

        JsonNode page = ok("/api/accounts?size=200");
        assertThat(page.get("size").asInt()).isEqualTo(200);
        assertThat(page.get("content").size()).isLessThanOrEqualTo(200);
        assertThat(ok("/api/accounts?page=3").get("size").asInt()).isEqualTo(BookQuery.DEFAULT_SIZE);
    }

    @Test
    void sortIsOnAllowedColumnsOnly() throws Exception {
        refused("/api/accounts?sort=createdAt", "sort");
        refused("/api/accounts?sort=name,sideways", "sort");
        refused("/api/accounts?sort=" + encode("name; drop table account"), "sort");
        refused("/api/accounts?sort=" + encode("a.name_key"), "sort");

        String tag = tag();
        account(tag + " Small", TestUsers.IVY, "120000.00");
        account(tag + " Large", TestUsers.IVY, "900000.00");
        account(tag + " Middle", TestUsers.IVY, "450000.00");
        JsonNode byArr = ok("/api/accounts?sort=arr,desc&q=" + encode(tag));
        assertThat(names(byArr)).containsExactly(tag + " Large", tag + " Middle", tag + " Small");
        JsonNode byName = ok("/api/accounts?sort=name&q=" + encode(tag));
        assertThat(names(byName)).containsExactly(tag + " Large", tag + " Middle", tag + " Small");
        assertThat(byName.get("sort").asText()).isEqualTo("name,asc");
    }

    @Test
    void searchMatchesWhatWasTypedWildcardsIncluded() throws Exception {
        String tag = tag();
        account(tag + " 100% Care", TestUsers.IVY, "1000.00");
        account(tag + " 1000 Care", TestUsers.IVY, "1000.00");
        account(tag + " Under_Score", TestUsers.IVY, "1000.00");
        account(tag + " UnderXScore", TestUsers.IVY, "1000.00");
        account(tag + " Back\\Slash", TestUsers.IVY, "1000.00");

        assertThat(names(ok("/api/accounts?q=" + encode(tag + " 100%")))).containsExactly(tag + " 100% Care");
        assertThat(names(ok("/api/accounts?q=" + encode(tag + " Under_")))).containsExactly(tag + " Under_Score");
        assertThat(names(ok("/api/accounts?q=" + encode(tag + " back\\")))).containsExactly(tag + " Back\\Slash");
        assertThat(names(ok("/api/accounts?q=" + encode(tag.toUpperCase() + " under")))).hasSize(2);
        assertThat(names(ok("/api/accounts?size=200&q=%25"))).allMatch(name -> name.contains("%"));
        assertThat(get("/api/accounts?q=" + encode("x".repeat(201)), TestUsers.MAX).statusCode()).isEqualTo(400);
    }

    @Test
    void aRepPagesHerOwnBookAndManagersFilterByOwnerWithTotalsOfTheWholeMatch() throws Exception {
        String tag = tag();
        for (int i = 0; i < 5; i++) {
            account(tag + " Ivy " + i, TestUsers.IVY, "100000.50");
        }
        account(tag + " Ned", TestUsers.NED, "70000.00");

        JsonNode ivys = json.readTree(get("/api/accounts?size=2&page=1&q=" + encode(tag), TestUsers.IVY).body());
        assertThat(ivys.get("totalElements").asLong()).isEqualTo(5);
        assertThat(ivys.get("totalPages").asInt()).isEqualTo(3);
        assertThat(ivys.get("content").size()).isEqualTo(2);
        assertThat(ivys.findValuesAsText("ownerId")).containsOnly(TestUsers.IVY);
        assertThat(new BigDecimal(ivys.get("totalArr").asText())).isEqualByComparingTo("500002.50");
        assertThat(ivys.get("content").get(0).get("daysLeft").asLong()).isPositive();
        assertThat(ivys.get("content").get(0).get("openOpportunities").asLong()).isZero();

        JsonNode neds = json.readTree(get("/api/accounts?owner=ned&q=" + encode(tag), TestUsers.MAX).body());
        assertThat(names(neds)).containsExactly(tag + " Ned");
        JsonNode ignored = json.readTree(get("/api/accounts?owner=ned&q=" + encode(tag), TestUsers.IVY).body());
        assertThat(ignored.get("totalElements").asLong()).as("a rep's owner filter is her own book").isEqualTo(5);
    }

    @Test
    void withoutPagingParametersTheListIsStillAPlainArray() throws Exception {
        JsonNode list = json.readTree(get("/api/accounts", TestUsers.IVY).body());
        assertThat(list.isArray()).isTrue();
    }

    private void account(String name, String owner, String arr) throws Exception {
        HttpResponse<String> created = post("/api/accounts", TestUsers.MAX, "{\"name\":" + json.writeValueAsString(name)
                + ",\"vertical\":\"HEALTHCARE\",\"territory\":\"NORTHEAST\",\"tier\":\"ENTERPRISE\",\"ownerId\":\""
                + owner + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asText();
        HttpResponse<String> subscription = post("/api/accounts/" + id + "/subscriptions", TestUsers.MAX,
                "{\"product\":\"CareSuite\",\"arr\":" + arr + ",\"startDate\":\"2026-01-01\",\"endDate\":\"2030-12-31\"}");
        assertThat(subscription.statusCode()).as(subscription.body()).isEqualTo(201);
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = get(path, TestUsers.MAX);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void refused(String path, String field) throws Exception {
        HttpResponse<String> response = get(path, TestUsers.MAX);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("details").get(0).asText()).as(response.body()).startsWith(field + ":");
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("content").forEach(row -> names.add(row.get("name").asText()));
        return names;
    }

    private static String tag() {
        return "Pager " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
