package dev.accountflow.expansion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.accountflow.support.BrowserIT;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * amy sees the expansion-signals table's suggestions on her book and on an account page, accepts a whitespace one
 * and lands on the new opportunity's first task in Tasklist; she dismisses another with a reason and it is gone.
 */
class ExpansionSuggestionBrowserIT extends BrowserIT {

    @Autowired ExpansionSignals signals;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @Test
    void amyAcceptsAWhitespaceSuggestionOnAnAccountPageAndLandsOnTheNewOpportunitysFirstTask() throws Exception {
        jdbc.queryForList("select id from account where owner_id = 'amy' order by id", String.class)
                .forEach(signals::assessAccount);
        Map<String, Object> whitespace = jdbc.queryForMap("select s.id, s.account_id, s.product from expansion_suggestion s "
                + "join account a on a.id = s.account_id where a.owner_id = 'amy' and s.kind = 'WHITESPACE' "
                + "and s.status = 'OPEN' order by s.estimated_amount desc, s.id fetch first 1 rows only");
        String id = (String) whitespace.get("id");
        String accountId = (String) whitespace.get("account_id");

        signInAs("amy", "/accounts");
        WebElement onBook = wait.until(visibilityOfElementLocated(By.cssSelector(
                "#book-suggestions tr[data-suggestion-id='" + id + "']")));
        assertThat(onBook.getText()).contains("Whitespace").contains((String) whitespace.get("product"));

        browser.get(baseUrl() + "/accounts/" + accountId);
        WebElement row = wait.until(visibilityOfElementLocated(By.cssSelector(
                "#account-suggestions tr[data-suggestion-id='" + id + "']")));
        assertThat(row.getText()).contains("Whitespace").contains((String) whitespace.get("product"))
                .contains("Rule: A product of the account's vertical that complements one it owns");
        screenshot("expansion-suggestions-on-account.png");
        row.findElement(By.cssSelector(".accept-suggestion")).click();

        wait.until(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/") && d.getCurrentUrl().contains("task="));
        String opportunityId = jdbc.queryForObject("select opportunity_id from expansion_suggestion where id = ?",
                String.class, id);
        Task first = tasks.createTaskQuery().processInstanceBusinessKey(opportunityId).singleResult();
        assertThat(first.getTaskDefinitionKey()).isEqualTo("Task_WorkStage");
        wait.until(visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        // Tasklist may add its own search parameters after the task once it has loaded
        assertThat(browser.getCurrentUrl()).containsPattern("[?&]task=" + first.getId() + "(&|$)");
        assertThat(jdbc.queryForMap("select type, stage, product, owner_id from opportunity where id = ?", opportunityId))
                .containsEntry("type", "EXPANSION").containsEntry("stage", "QUALIFY")
                .containsEntry("product", whitespace.get("product")).containsEntry("owner_id", "amy");
        screenshot("expansion-accepted-first-task.png");

        browser.get(baseUrl() + "/accounts/" + accountId);
        wait.until(visibilityOfElementLocated(By.id("account-suggestions")));
        assertThat(browser.findElements(By.cssSelector("tr[data-suggestion-id='" + id + "']"))).isEmpty();
        List<WebElement> others = browser.findElements(By.cssSelector("#account-suggestions tr[data-suggestion-id]"));
        if (!others.isEmpty()) {
            String other = others.get(0).getAttribute("data-suggestion-id");
            others.get(0).findElement(By.cssSelector(".dismiss-reason")).sendKeys("Budget is frozen until next year");
            others.get(0).findElement(By.cssSelector(".dismiss-suggestion")).click();
            assertThat(wait.until(visibilityOfElementLocated(By.cssSelector(".notice.info"))).getText())
                    .contains("dismissed; hidden until");
            assertThat(browser.findElements(By.cssSelector("tr[data-suggestion-id='" + other + "']"))).isEmpty();
            assertThat(jdbc.queryForObject("select dismiss_reason from expansion_suggestion where id = ?", String.class,
                    other)).isEqualTo("Budget is frozen until next year");
        }
    }
}
