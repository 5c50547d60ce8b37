package dev.accountflow.dataloader;

import static dev.accountflow.dataloader.DataLoaderFiles.csv;
import static dev.accountflow.dataloader.DataLoaderFiles.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accountflow.support.BrowserIT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The /import page in Chromium: a sales manager previews a Data Loader file, imports it and reads the answer. */
class ImportPageBrowserIT extends BrowserIT {

    private static final String HEADER = "\"ID\",\"NAME\",\"INDUSTRY\",\"TERRITORY__C\",\"TIER__C\",\"OWNERID\",\"DESCRIPTION\"";

    @Test
    void aSalesManagerSeesTheFirstRowsAndTheMappingThenImportsTheFile() throws IOException {
        String name = "Page Upload Health " + UUID.randomUUID().toString().substring(0, 8);
        Path file = file(HEADER,
                "\"" + newId("001") + "\",\"" + name + " A\",\"Healthcare\",\"NORTHEAST\",\"Strategic\",\"amy\",\"Key,\r\naccount\"",
                "\"" + newId("001") + "\",\"" + name + " B\",\"Banking\",\"MIDATLANTIC\",\"Growth\",\"ben\",\"\"");
        signInAs("morgan", "/import");
        new Select(browser.findElement(By.id("kind"))).selectByValue("accounts");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview")));
        assertThat(browser.findElements(By.cssSelector("#preview-rows tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("#preview-rows tbody tr td:nth-child(2)")).getText())
                .isEqualTo(name + " A");
        WebElement mapping = browser.findElement(By.id("preview-mapping"));
        assertThat(mapping.getText()).contains("NAME name", "TIER__C tier: Strategic, Enterprise, Growth",
                "DESCRIPTION ignored");
        assertThat(browser.findElement(By.id("preview-missing")).isDisplayed()).isFalse();
        screenshot("import-preview.png");

        browser.findElement(By.id("import-button")).click();
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        assertThat(result.getText()).contains("2 rows of accounts imported", "2 created", "0 updated", "0 unchanged",
                "DESCRIPTION");
        screenshot("import-result.png");
    }

    @Test
    void aBadFileIsRefusedOnThePageWithEveryBadRowNamed() throws IOException {
        String bad = newId("001");
        Path file = file(HEADER,
                "\"" + newId("001") + "\",\"Fine Co " + UUID.randomUUID() + "\",\"Insurance\",\"NORTHEAST\",\"Growth\",\"amy\",\"\"",
                "\"" + bad + "\",\"\",\"Insurance\",\"NORTHEAST\",\"Diamond\",\"amy\",\"\"");
        signInAs("morgan", "/import");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("import-button")).click();

        WebElement problems = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
        assertThat(problems.getText()).contains("not imported: 2 problems; nothing was written",
                "row 3 (Id " + bad + "): Name: is required", "row 3 (Id " + bad + "): Tier__c: 'Diamond'");
        screenshot("import-refused.png");
    }

    @Test
    void aRepGetsHerExportButtonsAndNoImport() {
        signInAs("amy", "/import");
        assertThat(browser.findElement(By.id("export")).getText()).contains("Your own book");
        assertThat(browser.findElement(By.id("export-opportunities")).getAttribute("href"))
                .endsWith("/api/export/opportunities");
        assertThat(browser.findElements(By.id("upload"))).isEmpty();
    }

    private static Path file(String... lines) throws IOException {
        Path file = Files.createTempFile("Account-extract-", ".csv");
        file.toFile().deleteOnExit();
        return Files.write(file, csv(lines));
    }
}
