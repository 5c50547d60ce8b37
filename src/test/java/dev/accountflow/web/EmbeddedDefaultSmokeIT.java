package dev.accountflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.support.EmbeddedDefaultIT;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a newcomer meets after `./mvnw spring-boot:run`: demo users sign in and find their renewal work. */
class EmbeddedDefaultSmokeIT extends EmbeddedDefaultIT {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired AccountService accounts;
    @Autowired RuntimeService runtime;

    @Test
    void demoPortfolioIsThereWithRenewalsRunning() {
        assertThat(accounts.accountCount()).isGreaterThanOrEqualTo(40);
        assertThat(accounts.allAccounts()).extracting(a -> a.getVertical().name())
                .contains("HEALTHCARE", "FINANCIAL_SERVICES", "INSURANCE");
        assertThat(accounts.allAccounts()).extracting(Account::getTerritory).contains("NORTHEAST", "MIDATLANTIC");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("renewal").count()).isPositive();
    }

    @Test
    void everyDemoUserSignsInWithTheDemoPassword() {
        for (String user : new String[] {"amy", "ben", "morgan", "priya", "sam", "admin"}) {
            assertThat(get("/api/notifications", user).statusCode()).as(user).isEqualTo(200);
        }
        assertThat(get("/api/notifications", null).statusCode()).isEqualTo(401);
    }

    @Test
    void amysTaskListHoldsRenewalsOfHerAccountsOnly() throws Exception {
        HttpResponse<String> response = get("/engine-rest/task?assignee=amy", "amy");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tasks = json.readTree(response.body());
        assertThat(tasks.size()).isPositive();

        Set<String> amysAccounts = new HashSet<>();
        accounts.allAccounts().stream().filter(a -> "amy".equals(a.getOwnerId())).forEach(a -> amysAccounts.add(a.getId()));
        for (JsonNode task : tasks) {
            assertThat(task.get("assignee").asText()).isEqualTo("amy");
            String accountId = json.readTree(get("/engine-rest/task/" + task.get("id").asText()
                    + "/variables/accountId", "amy").body()).get("value").asText();
            assertThat(amysAccounts).contains(accountId);
        }
        // Camunda's authorizations keep ben's tasks out of amy's sight even when she asks for them
        assertThat(json.readTree(get("/engine-rest/task?assignee=ben", "amy").body()).size()).isZero();
        assertThat(json.readTree(get("/engine-rest/task?assignee=ben", "morgan").body()).size()).isPositive();
    }

    private HttpResponse<String> postJson(String path, String user, String body) {
        return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void signingInOnTheLoginPageOpensTasklist() {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> loginPage = send(browser, HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();

        String form = "username=morgan&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> home = send(browser, HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("signed in as").contains("morgan");

        // the login session alone does not let another site post on morgan's behalf: the page's CSRF token must come along
        String validate = "{\"drl\": \"package dev.accountflow.rules;\"}";
        HttpResponse<String> forged = send(browser, HttpRequest.newBuilder(URI.create(baseUrl() + "/api/rule-sets/health/validate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(validate)).build());
        assertThat(forged.statusCode()).isEqualTo(403);
        Matcher pageToken = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(home.body());
        assertThat(pageToken.find()).isTrue();
        HttpResponse<String> fromThePage = send(browser, HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/rule-sets/health/validate")).header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", pageToken.group(1)).POST(HttpRequest.BodyPublishers.ofString(validate)).build());
        assertThat(fromThePage.statusCode()).isEqualTo(200);

        HttpResponse<String> tasklist = send(browser,
                HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/app/tasklist/default/")).build());
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.body()).containsIgnoringCase("tasklist");
    }

    @Test
    void aRepCannotCreateTasksOrStartProcessesBehindTheRulesBack() {
        assertThat(postJson("/engine-rest/task/create", "amy", "{\"name\": \"Side task\", \"assignee\": \"amy\"}")
                .statusCode()).isEqualTo(403);
        assertThat(postJson("/engine-rest/process-definition/key/renewal/start", "amy",
                "{\"businessKey\": \"made-up\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void healthIsOpenAndEverythingElseNeedsSigningIn() {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/accounts", null).statusCode()).isEqualTo(401);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
        assertThat(get("/v3/api-docs", "amy").statusCode()).isEqualTo(200);
    }
}
