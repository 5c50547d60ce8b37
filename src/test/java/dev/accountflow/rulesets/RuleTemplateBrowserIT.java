package dev.accountflow.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.BrowserIT;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The stage gates in the browser: a sales manager reads them as a table (stage, discount band, criteria, outcome);
 * the rule template behind it is code, edited on the rule code page by a rule developer only — a template that does
 * not compile is refused with its problem, a good one becomes a draft — and the sales manager gets 403 there.
 */
class RuleTemplateBrowserIT extends BrowserIT {

    private static final By TEMPLATE = By.id("template-editor");
    private static final By TEMPLATE_MESSAGE = By.id("template-message");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRuleDeveloperSavesATemplateDraftAndAManagerOnlySeesTheTable() throws Exception {
        int latestBefore = ruleSet().path("latestVersion").asInt();

        signInAs("admin", "/rules/stage-gates/code");
        wait.until(d -> templateText().contains("template \"stage-gates\""));
        String template = templateText();

        setTemplate(template.replace("    $decision : StageGateDecision()\n", "    $decision : StageGateDecision(\n"));
        browser.findElement(By.id("template-comment")).sendKeys("A slip: an unclosed pattern");
        click("save-template");
        wait.until(textToBePresentInElementLocated(TEMPLATE_MESSAGE, "line"));
        assertThat(browser.findElement(TEMPLATE_MESSAGE).getText()).contains("do not compile")
                .contains("In the rules made of the active rows").contains("mismatched input '$decision'");
        assertThat(ruleSet().path("latestVersion").asInt()).as("nothing saved").isEqualTo(latestBefore);

        setTemplate(template.replace("template \"stage-gates\"", "// reviewed by the rule developers\ntemplate \"stage-gates\""));
        click("save-template");
        wait.until(textToBePresentInElementLocated(TEMPLATE_MESSAGE, "Saved as draft version " + (latestBefore + 1)));
        screenshot("rule-template-saved.png");
        JsonNode draft = ok(get("/api/rule-sets/stage-gates/versions/" + (latestBefore + 1), "morgan"));
        assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
        HttpResponse<String> text = get("/api/rule-sets/stage-gates/versions/" + (latestBefore + 1) + "/template", "admin");
        assertThat(text.body()).contains("// reviewed by the rule developers");

        browser.manage().deleteAllCookies();
        signInAs("morgan", "/rules/stage-gates/code");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This page is not part of your work");
        assertThat(browser.findElements(TEMPLATE)).isEmpty();
        assertThat(get("/api/rule-sets/stage-gates/versions/" + (latestBefore + 1) + "/template", "morgan")
                .statusCode()).isEqualTo(403);

        browser.get(baseUrl() + "/rules/stage-gates");
        wait.until(visibilityOfElementLocated(By.xpath("//th[normalize-space()='Moving into stage']")));
        wait.until(textToBePresentInElementLocated(By.tagName("main"),
                "Renewal and expansion discounts above 15% need a sales manager's approval"));
        screenshot("stage-gates-table.png");
    }

    private String templateText() {
        Object value = ((JavascriptExecutor) browser).executeScript(
                "var t = document.getElementById('template-editor'); return t ? t.value : ''");
        return value == null ? "" : value.toString();
    }

    private void setTemplate(String text) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById('template-editor').value = arguments[0]",
                text);
    }

    private void click(String id) {
        wait.until(elementToBeClickable(By.id(id))).click();
    }

    private JsonNode ruleSet() throws IOException {
        return ok(get("/api/rule-sets/stage-gates", "morgan"));
    }

    private JsonNode ok(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
