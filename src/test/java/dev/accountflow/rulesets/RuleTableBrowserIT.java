package dev.accountflow.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.BrowserIT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Morgan changes the usage threshold from 20 % to 15 % in a cell of the health table, sees the row's name follow,
 * adds the suggested boundary scenarios, simulates and publishes; amy reads the same table; the rule code is not his.
 */
class RuleTableBrowserIT extends BrowserIT {

    private static final String USAGE_ROW = "Active users down {usageDropThreshold} or more";
    private static final By MESSAGE = By.id("message");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void managerChangesAThresholdInACellTestsItsBoundariesSimulatesAndPublishes_repReadsOnly() throws Exception {
        int activeBefore = ruleSet().path("activeVersion").asInt();
        try {
            signInAs("morgan", "/rules/health");
            WebElement usage = wait.until(d -> cell(USAGE_ROW, "usageChangeAtMost"));
            assertThat(readsAs(USAGE_ROW)).isEqualTo("Active users down 20% or more");

            // a slip is marked on the spot with the column's rule
            usage.clear();
            usage.sendKeys("-150");
            WebElement note = usage.findElement(By.xpath("following-sibling::span[@class='cell-problem']"));
            assertThat(note.isDisplayed()).isTrue();
            assertThat(note.getText()).isEqualTo("a number from -100 to 1000, at most 2 decimals");

            usage.clear();
            usage.sendKeys("-15");
            wait.until(d -> readsAs(USAGE_ROW).equals("Active users down 15% or more"));
            assertThat(note.isDisplayed()).isFalse();
            browser.findElement(By.id("comment")).sendKeys("Flag usage drops from 15% instead of 20%");
            click("save-draft");
            wait.until(textToBePresentInElementLocated(MESSAGE, "Saved as draft version"));
            int draft = ruleSet().path("latestVersion").asInt();

            click("suggest");
            wait.until(attributeToBe(By.id("results"), "data-kind", "suggestions"));
            assertThat(browser.findElement(By.id("suggestions")).getText())
                    .contains("activeUsersChangePct -16.0", "activeUsersChangePct -15.0", "activeUsersChangePct -14.0");
            click("accept-suggestions");
            wait.until(textToBePresentInElementLocated(MESSAGE, "Added 3 boundary scenarios"));
            wait.until(textToBePresentInElementLocated(By.id("scenario-table"),
                    "Boundary: Active users down 15% or more — activeUsersChangePct -15.0"));

            click("run-test");
            wait.until(textToBePresentInElementLocated(MESSAGE, "Test passed"));

            click("simulate");
            wait.until(attributeToBe(By.id("results"), "data-kind", "simulation"));
            String impact = browser.findElement(By.id("impact")).getText();
            assertThat(impact).containsPattern("Newly at risk: \\d+ accounts?, \\$[\\d,]+ ARR");
            assertThat(browser.findElement(By.id("results")).getText()).contains("Nothing was written");
            screenshot("rule-table-simulation.png");

            click("publish");
            assertThat(browser.switchTo().alert().getText()).contains("Publish version " + draft)
                    .contains("Flag usage drops from 15% instead of 20%");
            browser.switchTo().alert().accept();
            wait.until(textToBePresentInElementLocated(MESSAGE, "Version " + draft + " is now active"));
            assertThat(ruleSet().path("activeVersion").asInt()).isEqualTo(draft);
            wait.until(textToBePresentInElementLocated(By.cssSelector("#history tr[data-version='" + draft + "']"),
                    "row Active users down 20% or more: Active-user change ≤ %: -20.0 → -15.0"));

            // the rule code behind the table is not a sales manager's page
            browser.get(baseUrl() + "/rules/health/code");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This page is not part of your work");
            assertThat(get("/rules/health/code", "morgan").statusCode()).isEqualTo(403);
            assertThat(get("/rules/health/code", "admin").statusCode()).isEqualTo(200);

            browser.manage().deleteAllCookies();
            signInAs("amy", "/rules/health");
            WebElement amysCell = wait.until(d -> cell(USAGE_ROW, "usageChangeAtMost"));
            assertThat(amysCell.getDomProperty("value")).isEqualTo("-15.0");
            assertThat(amysCell.isEnabled()).isFalse();
            assertThat(readsAs(USAGE_ROW)).isEqualTo("Active users down 15% or more");
            assertThat(browser.findElements(By.id("save-draft"))).isEmpty();
            assertThat(browser.findElements(By.id("publish"))).isEmpty();
            assertThat(browser.findElements(By.id("add-row"))).isEmpty();
            screenshot("rule-table-read-only.png");
        } finally {
            cleanUp(activeBefore);
        }
    }

    /** The health rules go back to 20 %, and the boundary scenarios (which pin 15 %) go with them. */
    private void cleanUp(int activeBefore) throws IOException {
        for (JsonNode scenario : ruleSet().path("scenarios")) {
            if (scenario.path("name").asText().startsWith("Boundary: ")) {
                send("DELETE", "/api/rule-sets/health/scenarios/" + scenario.path("id").asText());
            }
        }
        if (ruleSet().path("activeVersion").asInt() != activeBefore) {
            assertThat(send("POST", "/api/rule-sets/health/versions/" + activeBefore + "/restore").statusCode())
                    .isEqualTo(201);
        }
    }

    private WebElement cell(String rowName, String column) {
        for (WebElement row : browser.findElements(By.cssSelector("#rule-table tbody tr"))) {
            if (rowName.equals(row.findElement(By.cssSelector("input.row-name")).getDomProperty("value"))) {
                return row.findElement(By.cssSelector("[data-column='" + column + "']"));
            }
        }
        return null;
    }

    private String readsAs(String rowName) {
        WebElement input = cell(rowName, "usageChangeAtMost");
        return input.findElement(By.xpath("ancestor::tr/td[contains(@class,'reads-as')]")).getText();
    }

    private void click(String id) {
        wait.until(elementToBeClickable(By.id(id))).click();
    }

    private JsonNode ruleSet() throws IOException {
        HttpResponse<String> response = get("/api/rule-sets/health", "morgan");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("morgan:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return send(HttpClient.newHttpClient(), request);
    }
}
