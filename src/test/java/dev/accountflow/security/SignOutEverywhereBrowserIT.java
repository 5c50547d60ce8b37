package dev.accountflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.accountflow.support.BrowserIT;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** One sign-out for everything: leaving Tasklist or the app means the password is asked for again, everywhere. */
class SignOutEverywhereBrowserIT extends BrowserIT {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final By ACCOUNT_MENU = By.cssSelector("li.account.dropdown a.dropdown-toggle");
    private static final By LOG_OUT = By.cssSelector("li.account li.logout a");
    private static final By CAMUNDA_LOGIN_FORM = By.cssSelector("form[name='signinForm']");

    @Test
    void loggingOutOfTasklistSignsOutOfAccountFlowSoReopeningTasklistAsksForThePassword() throws IOException {
        signInAs("amy", TASKLIST);
        wait.until(elementToBeClickable(ACCOUNT_MENU)).click();
        wait.until(elementToBeClickable(LOG_OUT)).click();
        wait.until(d -> d.getCurrentUrl().startsWith(baseUrl() + "/login"));
        assertThat(browser.findElement(By.cssSelector("p.info")).getText()).isEqualTo("You have signed out.");

        browser.get(baseUrl() + TASKLIST);
        wait.until(d -> d.getCurrentUrl().startsWith(baseUrl() + "/login"));
        screenshot("tasklist-after-log-out.png");
        assertThat(wait.until(visibilityOfElementLocated(By.id("password"))).isDisplayed()).isTrue();
        assertThat(browser.findElements(CAMUNDA_LOGIN_FORM)).as("AccountFlow's login, not Camunda's").isEmpty();
        browser.get(baseUrl() + "/");
        wait.until(d -> d.getCurrentUrl().startsWith(baseUrl() + "/login"));
    }

    @Test
    void signingOutOfTheAppSignsOutOfTasklistToo() {
        signInAs("amy", TASKLIST);
        wait.until(elementToBeClickable(ACCOUNT_MENU));
        browser.get(baseUrl() + "/");
        wait.until(elementToBeClickable(By.cssSelector("header form button[type=submit]"))).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/login?logout"));

        browser.get(baseUrl() + TASKLIST);
        wait.until(d -> d.getCurrentUrl().startsWith(baseUrl() + "/login"));
        assertThat(wait.until(visibilityOfElementLocated(By.id("password"))).isDisplayed()).isTrue();
    }
}
