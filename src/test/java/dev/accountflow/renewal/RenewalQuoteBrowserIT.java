package dev.accountflow.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.SubscriptionTerm;
import dev.accountflow.account.SubscriptionTerms;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.support.BrowserIT;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** A quote typed as money in Tasklist, approved by the manager on the server's figures, renewed into the next term. */
class RenewalQuoteBrowserIT extends BrowserIT {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final By FORM = By.cssSelector(".fjs-container");
    private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired AccountService accounts;
    @Autowired SubscriptionTerms subscriptionTerms;
    @Autowired RenewalWindow renewalWindow;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    @Test
    void amysQuoteOf702400IsApprovedByTheManagerAndTheRenewalWritesTheNextTerm() throws IOException {
        Account account = accounts.createAccount("Cape Ann Health System " + UUID.randomUUID().toString().substring(0, 6),
                Vertical.HEALTHCARE, "NORTHEAST", Tier.ENTERPRISE, "amy");
        Subscription subscription = accounts.addSubscription(account.getId(), "Care Coordination Suite",
                BigDecimal.valueOf(878_000), TODAY.minusYears(1).plusDays(81), TODAY.plusDays(80));
        renewalWindow.startDueRenewals(TODAY);
        ProcessInstance renewal = RenewalSteps.liveRenewal(runtime, subscription.getId());
        tasks.complete(openTask(renewal).getId(), Map.of("renewalPlan", "Renew all seats"));
        tasks.complete(openTask(renewal).getId(), Map.of("execCheckInNotes", "CFO asks for 20 % off",
                "executiveEngaged", true));

        Task quote = openTask(renewal);
        assertThat(quote.getAssignee()).isEqualTo("amy");
        signInToTasklist("amy");
        openInTasklist(quote.getId());
        wait.until(d -> valueOf(field("currentArr")).equals("$878,000"));
        field("proposedArr").sendKeys("702.400,5");
        wait.until(elementToBeClickable(COMPLETE)).click();
        assertThat(wait.until(visibilityOfElementLocated(By.cssSelector(".fjs-form-field-error"))).getText())
                .as("a mistyped amount is refused on the form").isNotBlank();
        assertThat(tasks.createTaskQuery().taskId(quote.getId()).count()).isEqualTo(1);
        // select and delete what was typed, as a person does; the form keeps the field's value until it sees the keys
        field("proposedArr").sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.DELETE);
        wait.until(d -> valueOf(field("proposedArr")).isEmpty());
        field("proposedArr").sendKeys("702,400");
        wait.until(d -> valueOf(field("proposedArr")).equals("702,400"));
        screenshot("renewal-quote-typed.png");
        wait.until(elementToBeClickable(COMPLETE)).click();
        wait.until(d -> tasks.createTaskQuery().taskId(quote.getId()).count() == 0);

        Task approval = openTask(renewal);
        assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_ApproveDiscount");
        tasks.claim(approval.getId(), "morgan");
        browser.manage().deleteAllCookies();
        signInToTasklist("morgan");
        openInTasklist(approval.getId());
        wait.until(d -> valueOf(field("quotedArr")).equals("$702,400"));
        assertThat(valueOf(field("quotedDiscount"))).isEqualTo("20%");
        assertThat(valueOf(field("currentArr"))).isEqualTo("$878,000");
        assertThat(valueOf(field("approvalReason"))).contains("20%");
        screenshot("renewal-approval.png");
        field("discountApproved").click();
        field("approvalComment").sendKeys("Keep the logo for three years");
        wait.until(elementToBeClickable(COMPLETE)).click();
        wait.until(d -> tasks.createTaskQuery().taskId(approval.getId()).count() == 0);

        Task negotiate = openTask(renewal);
        assertThat(negotiate.getTaskDefinitionKey()).isEqualTo("Task_Negotiate");
        browser.manage().deleteAllCookies();
        signInToTasklist("amy");
        openInTasklist(negotiate.getId());
        wait.until(d -> valueOf(field("quotedArr")).equals("$702,400"));
        assertThat(valueOf(field("quotedDiscount"))).isEqualTo("20%");
        assertThat(valueOf(field("approvedBy"))).isEqualTo("morgan");
        assertThat(valueOf(field("managerComment"))).isEqualTo("Keep the logo for three years");
        screenshot("renewal-negotiate.png");
        chooseOutcome("Renewed");
        wait.until(elementToBeClickable(COMPLETE)).click();
        wait.until(d -> runtime.createProcessInstanceQuery().processInstanceId(renewal.getId()).count() == 0);

        Subscription renewed = accounts.subscription(subscription.getId()).orElseThrow();
        assertThat(renewed.getArr()).isEqualByComparingTo("702400");
        assertThat(renewed.getEndDate()).isEqualTo(TODAY.plusDays(80).plusMonths(12));
        assertThat(subscriptionTerms.termsOf(subscription.getId())).extracting(SubscriptionTerm::getArr)
                .extracting(BigDecimal::intValue).containsExactly(878_000, 702_400);
    }

    private void chooseOutcome(String label) {
        WebElement outcome = wait.until(visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'fjs-form-field-select')]//*[contains(@class,'fjs-input-group')]")));
        outcome.click();
        wait.until(visibilityOfElementLocated(
                By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']"))).click();
    }

    private Task openTask(ProcessInstance renewal) {
        return RenewalSteps.openTask(tasks, renewal);
    }

    private void openInTasklist(String taskId) {
        // a full page load, so Tasklist opens the task even when only the address's fragment changes
        browser.get("about:blank");
        browser.get(baseUrl() + TASKLIST + "#/?task=" + taskId);
        wait.until(visibilityOfElementLocated(FORM));
    }

    private WebElement field(String key) {
        return wait.until(visibilityOfElementLocated(By.cssSelector(".fjs-container [id$='" + key + "']")));
    }

    private static String valueOf(WebElement field) {
        String value = field.getDomProperty("value");
        return value == null ? "" : value;
    }
}
