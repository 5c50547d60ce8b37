package dev.accountflow.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Contact;
import dev.accountflow.account.ContactRole;
import dev.accountflow.health.HealthService;
import dev.accountflow.health.RiskFlag;
import dev.accountflow.money.SalesDates;
import dev.accountflow.support.BrowserIT;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The account manager's pages in a real browser on the embedded default's demo book. */
class BookPagesBrowserIT extends BrowserIT {

    private static final By ROWS = By.cssSelector("table#book tbody tr[data-account-id]");

    @Autowired AccountService accounts;
    @Autowired HealthService health;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @Test
    void amySortsHerBookOpensAnAtRiskAccountRecordsAnExecutiveMeetingAndFollowsItsTaskToTasklist() throws IOException {
        signInAs("amy", "/accounts");
        assertThat(browser.findElements(ROWS)).isNotEmpty().allSatisfy(row ->
                assertThat(accounts.account(row.getDomAttribute("data-account-id")).orElseThrow().getOwnerId())
                        .isEqualTo("amy"));

        browser.findElement(By.id("sort-daysLeft")).click();
        wait.until(d -> d.getCurrentUrl().contains("sort=daysLeft"));
        List<Long> daysLeft = browser.findElements(By.cssSelector("table#book td.days-left")).stream()
                .map(WebElement::getText).filter(t -> t.endsWith("days") || t.endsWith("day"))
                .map(t -> Long.parseLong(t.split(" ")[0])).toList();
        assertThat(daysLeft).isNotEmpty().isSorted();
        screenshot("my-book-by-days-left.png");

        // the first at-risk account in that order whose executive sponsor is named
        WebElement atRisk = browser.findElements(ROWS).stream()
                .filter(row -> !row.findElements(By.cssSelector(".health.sev-HIGH")).isEmpty())
                .filter(row -> executiveOf(row.getDomAttribute("data-account-id")).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("an at-risk account with an executive sponsor"));
        String accountId = atRisk.getDomAttribute("data-account-id");
        RiskFlag worst = openFlags(accountId).get(0);
        assertThat(atRisk.findElement(By.cssSelector(".health")).getDomAttribute("title"))
                .as("the flag's reason on hover").isNotBlank();
        atRisk.findElement(By.cssSelector("a.account-link")).click();

        wait.until(visibilityOfElementLocated(By.id("account-name")));
        Account account = accounts.account(accountId).orElseThrow();
        assertThat(browser.findElement(By.id("account-name")).getText()).isEqualTo(account.getName());
        assertThat(browser.findElements(By.cssSelector("tr.open-flag td.flag-reason")).stream().map(WebElement::getText))
                .contains(worst.getReason());
        assertThat(browser.findElements(By.cssSelector("#timeline li.decision .why")).stream().map(WebElement::getText))
                .anyMatch(why -> why.startsWith("Decided by rule set 'health'"))
                .anyMatch(why -> why.startsWith("Decided by rule set 'assignment'"));
        screenshot("account-page.png");

        Contact executive = executiveOf(accountId).orElseThrow();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        new Select(browser.findElement(By.id("tp-contact"))).selectByValue(executive.getId());
        new Select(browser.findElement(By.id("tp-kind"))).selectByValue("MEETING");
        browser.findElement(By.id("tp-note")).sendKeys("Quarterly business review with the CFO");
        browser.findElement(By.id("tp-submit")).click();
        wait.until(d -> d.findElement(By.id("exec-last-contact")).getText().equals(SalesDates.format(today)));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Meeting");
        assertThat(jdbc.queryForObject("select count(*) from touch_point where account_id = ? and contact_id = ?"
                + " and kind = 'MEETING'", Long.class, accountId, executive.getId())).isEqualTo(1);

        Task open = tasks.createTaskQuery().taskAssignee("amy").processVariableValueEquals("accountId", accountId)
                .orderByTaskCreateTime().asc().list().get(0);
        browser.findElements(By.cssSelector("#tasks a.task-link")).stream()
                .filter(link -> link.getDomAttribute("href").endsWith("task=" + open.getId())).findFirst()
                .orElseThrow().click();
        wait.until(visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        WebElement openAccount = wait.until(visibilityOfElementLocated(
                By.cssSelector(".fjs-container a[href$='/accounts/" + accountId + "']")));
        assertThat(openAccount.getText()).isEqualTo("Open account");
        screenshot("tasklist-task-from-account-page.png");
        wait.until(elementToBeClickable(openAccount)).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/accounts/" + accountId));
    }

    @Test
    void amyAddsAnObjectiveToAStrategicAccountsPlanAndMovesItOnTrack() throws IOException {
        String strategic = jdbc.queryForObject("select id from account where owner_id = 'amy' and tier = 'STRATEGIC'"
                + " order by name limit 1", String.class);
        signInAs("amy", "/accounts/" + strategic);
        assertThat(browser.findElements(By.cssSelector("#tasks a.task-link")).stream().map(WebElement::getText))
                .anyMatch(name -> name.startsWith("Update account plan"));

        new Select(browser.findElement(By.id("ob-quarter"))).selectByValue("2");
        browser.findElement(By.id("ob-objective")).sendKeys("Expand the clinical suite to two more hospitals");
        browser.findElement(By.id("ob-measure")).sendKeys("Signed expansion orders");
        browser.findElement(By.id("ob-target")).sendKeys("$250,000 new ARR");
        browser.findElement(By.cssSelector("#objective-form button[type=submit]")).click();

        WebElement status = wait.until(visibilityOfElementLocated(By.cssSelector("#plan .status-form select")));
        assertThat(browser.findElement(By.cssSelector("#plan tbody")).getText())
                .contains("Q2", "Expand the clinical suite to two more hospitals", "$250,000 new ARR", "amy");
        new Select(status).selectByValue("ON_TRACK");
        browser.findElement(By.cssSelector("#plan .status-form button")).click();
        wait.until(d -> d.findElement(By.cssSelector("[role=status]")).getText().contains("On track"));
        assertThat(jdbc.queryForObject("select o.status from plan_objective o join account_plan p on p.id = o.plan_id"
                + " where p.account_id = ?", String.class, strategic)).isEqualTo("ON_TRACK");

        browser.findElement(By.id("ob-objective")).sendKeys("No measure given");
        browser.findElement(By.id("ob-target")).sendKeys("1");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('ob-measure').removeAttribute('required')");
        browser.findElement(By.cssSelector("#objective-form button[type=submit]")).click();
        assertThat(wait.until(visibilityOfElementLocated(By.cssSelector("[role=alert]"))).getText())
                .contains("measure");
        screenshot("account-plan.png");
    }

    @Test
    void benGetsTheNotYourAccountPageForAmysAccount() {
        String amys = jdbc.queryForObject("select id from account where owner_id = 'amy' order by name limit 1",
                String.class);
        signInAs("ben", "/accounts");
        assertThat(browser.findElements(ROWS)).allSatisfy(row -> assertThat(row.getDomAttribute("data-account-id"))
                .isNotEqualTo(amys));

        browser.get(baseUrl() + "/accounts/" + amys);
        assertThat(wait.until(visibilityOfElementLocated(By.id("not-yours"))).getText())
                .contains("another account manager's book");
        assertThat(browser.getPageSource()).doesNotContain(accounts.account(amys).orElseThrow().getName());
        assertThat(get("/accounts/" + amys, "ben").statusCode()).isEqualTo(403);
        assertThat(get("/accounts/no-such-account", "ben").statusCode()).isEqualTo(404);
    }

    @Test
    void morganSeesTheTeamsRenewalsBoardWithMonthlyTotals() throws IOException {
        signInAs("morgan", "/renewals");
        long live = jdbc.queryForObject("select count(*) from live_renewal", Long.class);
        assertThat(browser.findElement(By.id("renewals-total")).getText()).isEqualTo(String.valueOf(live));
        List<WebElement> rows = browser.findElements(By.cssSelector("table#renewals tbody tr"));
        assertThat(rows).hasSize((int) Math.min(live, RenewalsBoard.PAGE_SIZE));
        List<String> owners = rows.stream().map(r -> r.findElements(By.tagName("td")).get(8).getText()).toList();
        assertThat(owners).contains("amy", "ben");
        long monthly = browser.findElements(By.cssSelector("table#month-totals tbody tr")).stream()
                .mapToLong(r -> Long.parseLong(r.findElements(By.tagName("td")).get(1).getText())).sum();
        assertThat(monthly).isEqualTo(live);
        assertThat(browser.findElements(By.cssSelector("table#month-totals td.num")).stream().map(WebElement::getText))
                .allMatch(text -> text.matches("\\d+|\\$[\\d,]+(\\.\\d\\d)?"));
        screenshot("renewals-board-team.png");
    }

    private Optional<Contact> executiveOf(String accountId) {
        return accounts.contactsOf(accountId).stream().filter(c -> c.getRole() == ContactRole.EXECUTIVE_SPONSOR)
                .findFirst();
    }

    private List<RiskFlag> openFlags(String accountId) {
        return health.flagsOf(accountId).stream().filter(RiskFlag::isOpen)
                .sorted((a, b) -> Integer.compare(rank(b.getSeverity()), rank(a.getSeverity()))).toList();
    }

    private static int rank(String severity) {
        return switch (severity) {
            case "HIGH" -> 3;
            case "MEDIUM" -> 2;
            default -> 1;
        };
    }
}
