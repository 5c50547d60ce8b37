package dev.accountflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
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
 * amy raises an S1 billing escalation on a strategic account; bill acknowledges and resolves it in Tasklist; amy sees
 * the resolution on the account page and confirms it with the customer.
 */
class EscalationBrowserIT extends BrowserIT {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";

    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @Test
    void amyRaisesAnS1BillingEscalationBillAcknowledgesAndResolvesItAndAmyConfirms() throws IOException {
        String accountId = jdbc.queryForObject("select id from account where owner_id = 'amy' and tier = 'STRATEGIC'"
                + " order by name limit 1", String.class);
        String summary = "Invoices doubled " + UUID.randomUUID().toString().substring(0, 6);

        signInAs("amy", "/accounts/" + accountId);
        new Select(browser.findElement(By.id("esc-division"))).selectByValue("BILLING");
        new Select(browser.findElement(By.id("esc-severity"))).selectByValue("S1");
        browser.findElement(By.id("esc-summary")).sendKeys(summary);
        browser.findElement(By.id("esc-impact")).sendKeys("Finance cannot close the month.");
        browser.findElement(By.id("esc-submit")).click();
        assertThat(wait.until(visibilityOfElementLocated(By.cssSelector(".notice.info"))).getText())
                .contains(summary).contains("routed to billing").contains("acknowledge by");
        String escalationId = jdbc.queryForObject("select id from escalation where summary = ?", String.class, summary);
        assertThat(row(escalationId)).contains("S1").contains("Billing · billing").contains("Open")
                .contains("Acknowledge by");

        browser.manage().deleteAllCookies();
        signInAs("bill", "/escalations");
        assertThat(wait.until(visibilityOfElementLocated(By.cssSelector("#escalation-queue tr[data-escalation='"
                + escalationId + "']"))).getText()).contains(summary).contains("Acknowledge by");

        Task acknowledge = tasks.createTaskQuery().processInstanceBusinessKey(escalationId).singleResult();
        assertThat(acknowledge.getTaskDefinitionKey()).isEqualTo("Task_AcknowledgeEscalation");
        openAndClaim(acknowledge, "bill");
        browser.findElement(By.cssSelector(".fjs-container [id$='acknowledgeNote']")).sendKeys("Looking at the run");
        completeInTasklist(acknowledge);

        Task work = tasks.createTaskQuery().processInstanceBusinessKey(escalationId).singleResult();
        assertThat(work.getTaskDefinitionKey()).isEqualTo("Task_WorkEscalation");
        openAndClaim(work, "bill");
        WebElement resolved = browser.findElement(By.cssSelector(".fjs-container input[type='checkbox'][id$='resolved']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", resolved);
        resolved.click();
        browser.findElement(By.cssSelector(".fjs-container [id$='resolution']")).sendKeys("Duplicate invoices voided");
        completeInTasklist(work);

        browser.manage().deleteAllCookies();
        signInAs("amy", "/accounts/" + accountId);
        assertThat(row(escalationId)).contains("Resolved").contains("Duplicate invoices voided")
                .contains("waiting for your confirmation");
        screenshot("escalation-resolved.png");
        WebElement confirm = browser.findElement(By.cssSelector("tr[data-history-of='" + escalationId
                + "'] .confirm-escalation"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", confirm);
        confirm.click();
        assertThat(wait.until(visibilityOfElementLocated(By.cssSelector(".notice.info"))).getText()).contains("closed");
        assertThat(row(escalationId)).contains("Closed");
        assertThat(jdbc.queryForObject("select status from escalation where id = ?", String.class, escalationId))
                .isEqualTo("CLOSED");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(escalationId).count()).isZero();
    }

    private String row(String escalationId) {
        return wait.until(visibilityOfElementLocated(By.cssSelector("#account-escalations tr[data-escalation='"
                + escalationId + "']"))).getText();
    }

    private void openAndClaim(Task task, String user) {
        browser.get(baseUrl() + TASKLIST + "#/?task=" + task.getId());
        wait.until(visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        // a group's task opens read-only in Tasklist until she claims it
        wait.until(elementToBeClickable(By.cssSelector("[ng-click='claim()']"))).click();
        wait.until(d -> user.equals(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
        wait.until(elementToBeClickable(By.cssSelector(".fjs-container textarea:not([disabled])")));
    }

    private void completeInTasklist(Task task) {
        WebElement complete = wait.until(elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
        // the form is taller than the window: the button is brought up from under Tasklist's footer
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
        complete.click();
        wait.until(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
    }
}
