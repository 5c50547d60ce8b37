package dev.accountflow.featurerequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.accountflow.support.BrowserIT;
import java.io.IOException;
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
 * amy logs a customer's request on the account page (and links a second ask to it as the form suggests); priya finds
 * it on the board and in Tasklist and plans it; amy sees the answer.
 */
class FeatureRequestBrowserIT extends BrowserIT {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";

    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @Test
    void amyLogsARequestPriyaPlansItFromTheBoardAndTasklistAndAmySeesTheAnswer() throws IOException {
        String accountId = jdbc.queryForObject("select id from account where owner_id = 'amy' order by name limit 1",
                String.class);
        String title = "Export dashboards to PDF " + UUID.randomUUID().toString().substring(0, 6);

        signInAs("amy", "/accounts/" + accountId);
        browser.findElement(By.id("fr-title")).sendKeys(title);
        new Select(browser.findElement(By.id("fr-area"))).selectByValue("ANALYTICS");
        new Select(browser.findElement(By.id("fr-impact"))).selectByValue("NEEDED_FOR_EXPANSION");
        browser.findElement(By.id("fr-description")).sendKeys("Their board wants the usage dashboards as PDFs.");
        browser.findElement(By.id("fr-submit")).click();
        assertThat(wait.until(visibilityOfElementLocated(By.cssSelector(".notice.info"))).getText())
                .contains(title).contains("pm-analytics");
        assertThat(browser.findElement(By.id("account-feature-requests")).getText()).contains(title)
                .contains("Under review");
        String requestId = jdbc.queryForObject("select id from feature_request where title = ?", String.class, title);

        // the same customer asks again in other words: the form offers the open request as she types, she links to it
        long reviews = tasks.createTaskQuery().processDefinitionKey("feature-request").count();
        new Select(browser.findElement(By.id("fr-area"))).selectByValue("ANALYTICS");
        browser.findElement(By.id("fr-title")).sendKeys(title + " again");
        String suggestion = wait.until(visibilityOfElementLocated(By.cssSelector("#fr-similar [data-similar='"
                + requestId + "']"))).getText();
        assertThat(suggestion).contains(title).contains("ARR at stake").contains("1 account");
        browser.findElement(By.cssSelector("#fr-similar [data-similar='" + requestId + "'] input")).click();
        browser.findElement(By.id("fr-description")).sendKeys("Asked again at the quarterly review.");
        browser.findElement(By.id("fr-submit")).click();
        wait.until(textToBePresentInElementLocated(By.cssSelector(".notice.info"), "linked to the open request"));
        assertThat(jdbc.queryForObject("select master_id from feature_request where title = ?", String.class,
                title + " again")).isEqualTo(requestId);
        assertThat(tasks.createTaskQuery().processDefinitionKey("feature-request").count())
                .as("no second review").isEqualTo(reviews);

        browser.manage().deleteAllCookies();
        signInAs("priya", "/feature-requests");
        String row = wait.until(visibilityOfElementLocated(By.cssSelector("tr[data-request='" + requestId + "']")))
                .getText();
        assertThat(row).contains(title).contains("Analytics").contains("$").contains("pm-analytics");
        screenshot("feature-request-board.png");

        Task review = tasks.createTaskQuery().processInstanceBusinessKey(requestId).singleResult();
        assertThat(tasks.createTaskQuery().taskCandidateUser("priya").taskId(review.getId()).count()).isEqualTo(1);
        browser.get(baseUrl() + TASKLIST + "#/?task=" + review.getId());
        wait.until(visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        // a group's task opens read-only in Tasklist until she claims it
        wait.until(elementToBeClickable(By.cssSelector("[ng-click='claim()']"))).click();
        wait.until(d -> "priya".equals(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()));
        wait.until(elementToBeClickable(By.xpath(
                "//div[contains(@class,'fjs-container')]//label[contains(., 'Planned (give the target release)')]"))).click();
        browser.findElement(By.cssSelector(".fjs-container [id$='targetRelease']")).sendKeys("2027.2");
        WebElement complete = wait.until(elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
        // the review form is taller than the window: the button is brought up from under Tasklist's footer
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
        complete.click();
        wait.until(d -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);

        browser.manage().deleteAllCookies();
        signInAs("amy", "/accounts/" + accountId);
        assertThat(browser.findElement(By.id("account-feature-requests")).getText()).contains(title)
                .contains("Planned for 2027.2");
        Task release = tasks.createTaskQuery().processInstanceBusinessKey(requestId).singleResult();
        assertThat(release.getTaskDefinitionKey()).isEqualTo("Task_ReleaseCustomerAnswer");
        assertThat(release.getAssignee()).isEqualTo("amy");
    }
}
