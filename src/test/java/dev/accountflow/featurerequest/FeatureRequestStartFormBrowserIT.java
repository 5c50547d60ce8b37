package dev.accountflow.featurerequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.accountflow.account.AccountService;
import dev.accountflow.support.BrowserIT;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * amy logs two customers' requests from Tasklist's start form, picking each account from her own book by typing part
 * of its name; priya sees on the board that the second looks like the first and confirms it as a duplicate: the open
 * request's ARR at stake and requesting accounts grow.
 */
class FeatureRequestStartFormBrowserIT extends BrowserIT {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";

    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;

    @Test
    void amyLogsRequestsFromTasklistAndPriyaLinksTheRepeatOnTheBoard() throws IOException {
        List<Map<String, Object>> amys = jdbc.queryForList("select id, name from account where owner_id = 'amy'"
                + " order by name limit 2");
        String asked = UUID.randomUUID().toString().substring(0, 6);
        String firstTitle = "Single sign-on for clinicians " + asked;
        String secondTitle = "Clinicians single sign-on " + asked;

        signInToTasklist("amy");
        logFromTasklist((String) amys.get(0).get("name"), firstTitle, true);
        String firstId = requestTitled(firstTitle);
        assertThat(jdbc.queryForObject("select account_id from feature_request where id = ?", String.class, firstId))
                .isEqualTo(amys.get(0).get("id"));
        logFromTasklist((String) amys.get(1).get("name"), secondTitle, false);
        String secondId = requestTitled(secondTitle);

        browser.manage().deleteAllCookies();
        signInAs("priya", "/feature-requests");
        WebElement suggestion = wait.until(visibilityOfElementLocated(By.cssSelector(
                "tr[data-similar-to='" + secondId + "']")));
        assertThat(suggestion.getText()).contains(firstTitle).contains("ARR at stake").contains("1 account");
        screenshot("feature-request-board-suggestion.png");
        suggestion.findElement(By.cssSelector("input[name='masterId'][value='" + firstId + "']")).click();
        WebElement confirm = suggestion.findElement(By.cssSelector("button[name='confirm']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", confirm);
        confirm.click();

        BigDecimal bothAccounts = accounts.liveArrOf(List.of((String) amys.get(0).get("id"),
                (String) amys.get(1).get("id")));
        String notice = wait.until(visibilityOfElementLocated(By.cssSelector(".notice.info"))).getText();
        assertThat(notice).contains(firstTitle).contains("from 2 accounts")
                .contains(dev.accountflow.money.Money.format(bothAccounts));
        assertThat(browser.findElements(By.cssSelector("tr[data-request='" + secondId + "']")))
                .as("the duplicate leaves the board").isEmpty();
        assertThat(browser.findElement(By.cssSelector("tr[data-request='" + firstId + "']")).getText())
                .contains((String) amys.get(0).get("name")).contains((String) amys.get(1).get("name"));
        assertThat(jdbc.queryForObject("select master_id from feature_request where id = ?", String.class, secondId))
                .isEqualTo(firstId);
        assertThat(jdbc.queryForObject("select arr_at_stake from feature_request where id = ?", BigDecimal.class,
                firstId)).isEqualByComparingTo(bothAccounts);
        screenshot("feature-request-board-linked.png");
    }

    /** Tasklist → Start process → "Log a customer's feature request", the account found by typing its name. */
    private void logFromTasklist(String accountName, String title, boolean screenshot) throws IOException {
        browser.get(baseUrl() + TASKLIST);
        wait.until(elementToBeClickable(By.cssSelector(".start-process-action a, a.start-process-action"))).click();
        wait.until(elementToBeClickable(By.xpath("//ul[contains(@class,'processes')]//a[contains(., "
                + "\"Log a customer's feature request\")]"))).click();
        WebElement account = wait.until(elementToBeClickable(By.cssSelector(".fjs-container input[id$='accountId']")));
        account.click();
        account.sendKeys(accountName.substring(0, Math.min(accountName.length(), 12)));
        wait.until(elementToBeClickable(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=\""
                + accountName + "\"]"))).click();
        browser.findElement(By.cssSelector(".fjs-container input[id$='title']")).sendKeys(title);
        browser.findElement(By.cssSelector(".fjs-container textarea[id$='description']"))
                .sendKeys("Clinicians sign in twice a shift.");
        pick("productArea", "Platform");
        pick("businessImpact", "Blocks the renewal");
        if (screenshot) {
            screenshot("feature-request-tasklist-start-form.png");
        }
        WebElement start = wait.until(elementToBeClickable(By.cssSelector("button[ng-click='startProcessInstance()']")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", start);
        start.click();
        wait.until(d -> jdbc.queryForObject("select count(*) from feature_request where title = ?", Long.class,
                title) == 1);
    }

    private void pick(String field, String label) {
        WebElement display = browser.findElement(By.cssSelector(".fjs-container [id$='" + field + "-display']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", display);
        display.click();
        wait.until(elementToBeClickable(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=\""
                + label + "\"]"))).click();
    }

    private String requestTitled(String title) {
        return jdbc.queryForObject("select id from feature_request where title = ?", String.class, title);
    }
}
