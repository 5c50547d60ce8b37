package dev.accountflow.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Page tests in Debian's headless Chromium against the embedded default: a fresh browser profile per test, the
 * last screen saved under target/screenshots for whoever reads a failure.
 */
public abstract class BrowserIT extends EmbeddedDefaultIT {

    protected WebDriver browser;
    protected WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("accountflow-chromium-");
        // browser and driver named explicitly, so Selenium Manager never goes to the network
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1300", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // a page that reloads while a condition reads it leaves stale elements: the condition is simply asked again
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws IOException {
        try {
            if (browser != null) {
                try {
                    screenshot(test.getTestMethod().orElseThrow().getName() + "-last.png");
                } finally {
                    browser.quit();
                }
            }
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    /** Asks for a page, is sent to AccountFlow's login, signs in with the demo password and comes back to it. */
    protected void signInAs(String user, String page) {
        browser.get(baseUrl() + page);
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // Spring Security returns to the page asked for (with "?continue" appended)
        wait.until(d -> d.getCurrentUrl().startsWith(baseUrl() + page) && !d.getCurrentUrl().contains("/login"));
    }

    /**
     * Signs in and waits until Tasklist has booted (its filter list shows): leaving the page while Tasklist is still
     * starting can leave the next load on its spinner.
     */
    protected void signInToTasklist(String user) {
        signInAs(user, "/camunda/app/tasklist/default/");
        wait.until(d -> !d.findElements(By.cssSelector(".task-filter .name a")).isEmpty()
                && d.findElements(By.cssSelector(".task-filter .name a")).get(0).isDisplayed());
    }

    protected void screenshot(String name) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
