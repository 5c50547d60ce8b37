package dev.accountflow.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.accountflow.support.BrowserIT;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * amy opens an expansion on the opportunities page, is held at the proposal gate with the reasons shown, asks
 * solution engineering for a demo, sam answers in Tasklist, the gate lets the deal through; morgan sees it in the
 * forecast's pipeline-by-stage chart.
 */
class OpportunityBrowserIT extends BrowserIT {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";

    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @Test
    void amyIsHeldAtTheProposalGateSamsDemoLetsTheDealThroughAndMorganSeesItInTheForecast() throws IOException {
        String accountId = jdbc.queryForObject("select min(a.id) from account a join contact c on c.account_id = a.id"
                + " where a.owner_id = 'amy' and c.role = 'EXECUTIVE_SPONSOR'", String.class);
        // her executive sponsor met her last week: only solution engineering's part is missing for the proposal
        jdbc.update("update contact set last_engaged_at = ? where account_id = ? and role = 'EXECUTIVE_SPONSOR'",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(7))), accountId);
        String name = "Analytics expansion " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate close = LocalDate.now(ZoneOffset.UTC).plusDays(20);

        signInAs("amy", "/opportunities");
        new Select(browser.findElement(By.id("op-account"))).selectByValue(accountId);
        new Select(browser.findElement(By.id("op-type"))).selectByValue("EXPANSION");
        browser.findElement(By.id("op-name")).sendKeys(name);
        browser.findElement(By.id("op-product")).sendKeys("Claims Analytics");
        browser.findElement(By.id("op-amount")).sendKeys("412,300");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("op-close")), close.toString());
        browser.findElement(By.id("op-submit")).click();
        assertThat(wait.until(visibilityOfElementLocated(By.cssSelector(".notice.info"))).getText())
                .contains(name).contains("$412,300");
        String id = jdbc.queryForObject("select id from opportunity where name = ?", String.class, name);
        assertThat(row(id)).contains("Qualify").contains("$412,300").contains(close.getDayOfMonth() + " ");

        // the early stages have no exit criteria; she moves through them
        advance(id);
        advance(id);

        openTask(stageTask(id));
        pick("Move to the next stage");
        complete();
        wait.until(d -> tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("Task_WorkStage")
                .count() == 1 && jdbc.queryForObject("select gate_reasons from opportunity where id = ?", String.class,
                id) != null);
        openTask(stageTask(id));
        assertThat(field("gateReasons").getAttribute("value")).contains("Solution engineering has not contributed");
        browser.get(baseUrl() + "/opportunities");
        assertThat(row(id)).contains("Solution development")
                .contains("Solution engineering has not contributed yet; ask for a demo or technical validation.");
        screenshot("opportunity-held-at-gate.png");

        openTask(stageTask(id));
        pick("Ask solution engineering");
        field("helpRequest").sendKeys("A demo of the claims dashboards for their CFO, please.");
        complete();
        Task demo = wait.until(d -> tasks.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey("Task_SolutionEngineeringAssist").singleResult());
        browser.get(baseUrl() + "/opportunities");
        assertThat(row(id)).contains("Asked: Solution engineering help");

        browser.manage().deleteAllCookies();
        signInToTasklist("sam");
        openTask(demo.getId());
        if (!browser.findElements(By.cssSelector("[ng-click='claim()']")).isEmpty()) {
            wait.until(elementToBeClickable(By.cssSelector("[ng-click='claim()']"))).click();
            wait.until(d -> "sam".equals(tasks.createTaskQuery().taskId(demo.getId()).singleResult().getAssignee()));
        }
        wait.until(elementToBeClickable(By.cssSelector(".fjs-container [id$='assistNotes']")))
                .sendKeys("Demo given to the CFO; dashboards fit their claims workflow.");
        complete();
        wait.until(d -> tasks.createTaskQuery().taskId(demo.getId()).count() == 0);

        browser.manage().deleteAllCookies();
        signInAs("amy", "/opportunities");
        assertThat(row(id)).contains("Solution engineering: Demo given to the CFO");
        openTask(stageTask(id));
        pick("Move to the next stage");
        complete();
        wait.until(d -> "PROPOSAL".equals(jdbc.queryForObject("select stage from opportunity where id = ?",
                String.class, id)));
        browser.get(baseUrl() + "/opportunities");
        assertThat(row(id)).contains("Proposal").contains("60 %").contains("no refusal");

        browser.manage().deleteAllCookies();
        String quarter = close.getYear() + "-Q" + ((close.getMonthValue() - 1) / 3 + 1);
        signInAs("morgan", "/forecast?quarter=" + quarter);
        wait.until(visibilityOfElementLocated(By.cssSelector("#chart-stages canvas")));
        @SuppressWarnings("unchecked")
        Map<String, Object> option = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
                "var o = echarts.getInstanceByDom(document.getElementById('chart-stages')).getOption();"
                        + "return {stages: o.xAxis[0].data, amounts: o.series[0].data};");
        @SuppressWarnings("unchecked")
        List<String> stages = (List<String>) option.get("stages");
        @SuppressWarnings("unchecked")
        List<Number> amounts = (List<Number>) option.get("amounts");
        assertThat(stages).contains("Proposal");
        java.math.BigDecimal inProposal = jdbc.queryForObject("select sum(amount) from opportunity where stage ="
                + " 'PROPOSAL' and closed_at is null and close_date between ? and ?", java.math.BigDecimal.class,
                LocalDate.of(close.getYear(), (close.getMonthValue() - 1) / 3 * 3 + 1, 1),
                LocalDate.of(close.getYear(), (close.getMonthValue() - 1) / 3 * 3 + 1, 1).plusMonths(3).minusDays(1));
        assertThat(inProposal).isGreaterThanOrEqualTo(new java.math.BigDecimal("412300"));
        assertThat(amounts.get(stages.indexOf("Proposal")).doubleValue()).isEqualTo(inProposal.doubleValue());
        assertThat(browser.findElement(By.cssSelector("tr[data-rep='amy']")).getText()).contains("$");
        screenshot("forecast-with-the-deal.png");
    }

    private void advance(String opportunityId) {
        tasks.complete(stageTask(opportunityId), Map.of("nextStep", "ADVANCE"));
    }

    private String stageTask(String opportunityId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(opportunityId).taskDefinitionKey("Task_WorkStage")
                .singleResult().getId();
    }

    private String row(String opportunityId) {
        return wait.until(visibilityOfElementLocated(By.cssSelector("tr[data-opportunity='" + opportunityId + "']")))
                .getText();
    }

    private void openTask(String taskId) {
        browser.get(baseUrl() + TASKLIST + "#/?task=" + taskId);
        wait.until(visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    }

    private void pick(String label) {
        wait.until(elementToBeClickable(By.xpath("//div[contains(@class,'fjs-container')]//label[contains(., '"
                + label + "')]"))).click();
    }

    private WebElement field(String key) {
        return wait.until(visibilityOfElementLocated(By.cssSelector(".fjs-container [id$='" + key + "']")));
    }

    private void complete() {
        wait.until(elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))).click();
        wait.until(d -> d.findElements(By.cssSelector(".fjs-container")).isEmpty());
    }
}
