package dev.accountflow.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountflow.support.BrowserIT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A rule developer changes the usage-drop threshold in the rule code behind the health table: a typo is caught with
 * its line, the fixed draft is tested, simulated and published, and a scenario is deleted. The rule code page is not
 * an account manager's.
 */
class RulesEditorBrowserIT extends BrowserIT {

    private static final String THRESHOLD_LINE = "activeUsersChangePct <= -20.0";
    private static final String NEW_THRESHOLD_LINE = "activeUsersChangePct <= -15.0";
    // a letter O where a zero belongs: the kind of slip a person makes when editing a number
    private static final String TYPO_LINE = "activeUsersChangePct <= -15.O";

    private static final By MESSAGE = By.id("message");
    private static final By EDITOR_VERSION = By.id("editor-version");
    private static final By PROBLEMS = By.cssSelector("#problems li[data-line]");
    private static final By PROBLEM_IN_EDITOR = By.cssSelector(".CodeMirror .problem-note");
    private static final By RESULTS = By.id("results");
    private static final String SCENARIO = "Active users down 16% puts the account at risk";
    // every control that compiles, runs or changes rules: only for rule authors
    private static final List<By> AUTHOR_CONTROLS = List.of(By.id("validate"), By.id("run-test"), By.id("simulate"),
            By.id("save-draft"), By.id("publish"), By.id("comment"), By.id("add-scenario"), By.id("restore-control"),
            By.cssSelector("button.restore"), By.id("delete-scenario-control"), By.cssSelector("button.delete-scenario"));

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void managerCatchesATypoThenTestsSimulatesPublishesAndDeletesAScenario_accountManagerOnlyReads() throws Exception {
        int activeBefore = ruleSet("health").path("activeVersion").asInt();

        signInAs("admin", "/rules");
        wait.until(visibilityOfElementLocated(By.cssSelector("#rule-set-table tr[data-rule-set='assignment']")));
        WebElement healthRow = browser.findElement(By.cssSelector("#rule-set-table tr[data-rule-set='health']"));
        assertThat(healthRow.getText()).contains("version " + activeBefore);
        browser.get(baseUrl() + "/rules/health/code");
        awaitEditorWith("Active");

        addScenarioFromThePage();

        String active = editorText();
        assertThat(active).contains(THRESHOLD_LINE);
        int typoLine = lineOf(active, THRESHOLD_LINE);
        setEditorText(usageDropFrom15Percent(active).replace(NEW_THRESHOLD_LINE, TYPO_LINE));
        click("validate");
        WebElement problem = wait.until(visibilityOfElementLocated(PROBLEMS));
        assertThat(problem.getDomAttribute("data-line")).isEqualTo(String.valueOf(typoLine));
        assertThat(problem.getText()).startsWith("Line " + typoLine);
        assertThat(browser.findElement(PROBLEM_IN_EDITOR).getText()).startsWith("Line " + typoLine);
        assertThat(browser.findElement(MESSAGE).getText()).contains("problem");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("rules-editor-error.png");

        setEditorText(usageDropFrom15Percent(active));
        browser.findElement(By.id("comment")).sendKeys("Flag usage drops from 15% instead of 20%");
        // meanwhile a draft is saved elsewhere (another tab): it is not overwritten without the manager knowing
        int savedElsewhere = saveDraftThroughTheApi("admin", active, "Saved in another tab");
        click("save-draft");
        wait.until(visibilityOfElementLocated(By.id("save-on-top")));
        assertThat(browser.findElement(MESSAGE).getText())
                .contains("version " + savedElsewhere + " was saved by admin");
        click("save-on-top");
        wait.until(textToBePresentInElementLocated(MESSAGE, "Saved as draft version " + (savedElsewhere + 1)));
        assertThat(browser.findElements(PROBLEMS)).isEmpty();
        int draft = Integer.parseInt(browser.findElement(EDITOR_VERSION).getText().replaceAll("\\D+", " ").trim());
        assertThat(browser.findElement(EDITOR_VERSION).getText()).contains("Draft");
        assertThat(browser.findElement(By.id("publish")).isEnabled()).as("publish before testing").isFalse();

        click("run-test");
        wait.until(attributeToBe(RESULTS, "data-kind", "test"));
        wait.until(textToBePresentInElementLocated(MESSAGE, "Test passed"));
        assertThat(browser.findElements(By.cssSelector("#results tr.fail"))).isEmpty();
        assertThat(browser.findElement(RESULTS).getText()).contains(SCENARIO);

        click("simulate");
        wait.until(attributeToBe(RESULTS, "data-kind", "simulation"));
        assertThat(browser.findElement(RESULTS).getText())
                .contains("Simulation of version " + draft)
                .contains("Nothing was written")
                .contains("Accounts that would be newly flagged")
                .contains("Open tasks whose assignee would change")
                .contains("Notifications that would go out");
        screenshot("rules-editor-simulation.png");

        wait.until(elementToBeClickable(By.id("publish"))).click();
        wait.until(textToBePresentInElementLocated(MESSAGE, "Version " + draft + " is now active"));
        wait.until(textToBePresentInElementLocated(By.id("active-summary"), "Active version " + draft));
        JsonNode published = ruleSet("health");
        assertThat(published.path("activeVersion").asInt()).isEqualTo(draft);
        assertThat(published.path("drl").asText()).contains(NEW_THRESHOLD_LINE);

        // the version it replaced, compared with the new active one
        wait.until(elementToBeClickable(
                By.cssSelector("#history tr[data-version='" + activeBefore + "'] button.diff"))).click();
        wait.until(visibilityOfElementLocated(By.cssSelector("#viewer table.diff")));
        assertThat(browser.findElements(By.cssSelector("#viewer tr.removed"))).extracting(WebElement::getText)
                .anySatisfy(line -> assertThat(line).contains(NEW_THRESHOLD_LINE));
        assertThat(browser.findElements(By.cssSelector("#viewer tr.added"))).extracting(WebElement::getText)
                .anySatisfy(line -> assertThat(line).contains(THRESHOLD_LINE));

        // amy reads it below; the scenario goes first, so her page shows none of morgan's
        By scenarioRow = By.xpath("//table[@id='scenario-table']//tr[td[1][normalize-space()='" + SCENARIO + "']]");
        browser.findElement(scenarioRow).findElement(By.cssSelector("button.delete-scenario")).click();
        browser.switchTo().alert().accept();
        wait.until(textToBePresentInElementLocated(By.id("scenario-message"), "deleted"));
        assertThat(browser.findElements(scenarioRow)).isEmpty();
        assertThat(ruleSet("health").path("scenarios").findValuesAsText("name")).doesNotContain(SCENARIO);

        browser.manage().deleteAllCookies();
        signInAs("amy", "/rules/health/code");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This page is not part of your work");
        assertThat(AUTHOR_CONTROLS).allSatisfy(control ->
                assertThat(browser.findElements(control)).as("%s on amy's page", control).isEmpty());

        // the health table serves again, for the other tests of the suite
        HttpResponse<String> restored = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/rule-sets/health/versions/" + activeBefore + "/restore"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("morgan:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(201);
    }

    private void addScenarioFromThePage() throws IOException {
        ObjectNode template = (ObjectNode) json.readTree(
                browser.findElement(By.id("scenario-facts")).getDomProperty("value"));
        template.put("accountName", "Usage slipping")
                .put("daysSinceExecutiveEngagement", 10)
                .put("activeUsersChangePct", -16.0);
        browser.findElement(By.id("scenario-name")).sendKeys(SCENARIO);
        replaceText(By.id("scenario-facts"), template.toPrettyString());
        replaceText(By.id("scenario-expected"), "{\"atRisk\": true, \"flags\": [\"USAGE_DROP\"]}");
        click("add-scenario-button");
        wait.until(textToBePresentInElementLocated(By.id("scenario-message"), "added"));
        assertThat(browser.findElement(By.id("scenario-table")).getText()).contains(SCENARIO);
    }

    private void awaitEditorWith(String status) {
        wait.until(textToBePresentInElementLocated(EDITOR_VERSION, status));
        wait.until(d -> !editorText().isBlank());
    }

    private void click(String id) {
        wait.until(elementToBeClickable(By.id(id))).click();
    }

    private String editorText() {
        Object text = ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('.CodeMirror').CodeMirror.getValue()");
        return text == null ? "" : text.toString();
    }

    private void setEditorText(String text) {
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", text);
    }

    private void replaceText(By field, String text) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(field), text);
    }

    /** The manager's change: a usage drop of 15% (not 20%) puts an account at risk; 10% up to that is a warning. */
    private static String usageDropFrom15Percent(String drl) {
        return drl.replace("Active users down 20% or more", "Active users down 15% or more")
                .replace("but less than 20%", "but less than 15%")
                .replace("activeUsersChangePct > -20.0", "activeUsersChangePct > -15.0")
                .replace(THRESHOLD_LINE, NEW_THRESHOLD_LINE);
    }

    private static int lineOf(String text, String line) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        return lines.indexOf(lines.stream().filter(l -> l.contains(line)).findFirst().orElseThrow()) + 1;
    }

    private int saveDraftThroughTheApi(String user, String drl, String comment) throws IOException {
        JsonNode ruleSet = ruleSet("health");
        String body = json.writeValueAsString(Map.of("drl", drl, "comment", comment,
                "baseVersion", ruleSet.path("latestVersion").asInt()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/rule-sets/health/versions"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(HttpClient.newHttpClient(), request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("version").asInt();
    }

    private JsonNode ruleSet(String name) throws IOException {
        HttpResponse<String> response = get("/api/rule-sets/" + name, "morgan");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

}
