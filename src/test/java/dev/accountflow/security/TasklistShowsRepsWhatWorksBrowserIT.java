package dev.accountflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.accountflow.support.BrowserIT;
import java.io.IOException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** Tasklist offers a rep only what works for her: no edition banner, no dead buttons, no link into a 403. */
class TasklistShowsRepsWhatWorksBrowserIT extends BrowserIT {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final By TASK_TITLE = By.cssSelector(".names h2.task");
    private static final By PROCESS_LINK = By.cssSelector("a.instance-link");
    private static final By FILTERS = By.cssSelector(".task-filter .name a");

    @Autowired TaskService tasks;

    @Test
    void aRepSeesHerTaskWithoutBannerCreateTaskOrCockpitLinkAndMayStartANewOpportunity() throws IOException {
        Task amys = tasks.createTaskQuery().taskAssignee("amy").listPage(0, 1).get(0);
        signInAs("amy", TASKLIST);
        wait.until(visibilityOfElementLocated(FILTERS));
        openTask(amys);
        screenshot("tasklist-rep-task.png");

        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
        assertThat(browser.findElements(By.cssSelector(".create-task-action"))).noneMatch(WebElement::isDisplayed);
        // account managers are offered their start forms: a new opportunity, a customer's feature request
        wait.until(d -> d.findElements(By.cssSelector(".start-process-action")).stream().anyMatch(WebElement::isDisplayed));
        assertThat(browser.findElements(By.cssSelector("body.accountflow-nothing-to-start"))).isEmpty();
        wait.until(d -> d.findElements(By.cssSelector("body.accountflow-no-cockpit")).size() == 1);
        assertThat(browser.findElements(PROCESS_LINK)).noneMatch(WebElement::isDisplayed);
    }

    @Test
    void aSolutionEngineerIsOfferedNoStartProcess() {
        signInAs("sam", TASKLIST);
        wait.until(visibilityOfElementLocated(FILTERS));
        wait.until(d -> d.findElements(By.cssSelector("body.accountflow-nothing-to-start")).size() == 1);
        assertThat(browser.findElements(By.cssSelector(".start-process-action"))).noneMatch(WebElement::isDisplayed);
    }

    @Test
    void aSalesManagerFollowsTheProcessLinkIntoCockpit() {
        Task amys = tasks.createTaskQuery().taskAssignee("amy").listPage(0, 1).get(0);
        signInAs("morgan", TASKLIST);
        wait.until(visibilityOfElementLocated(FILTERS));
        openTask(amys);
        WebElement link = wait.until(visibilityOfElementLocated(PROCESS_LINK));
        assertThat(link.getDomAttribute("href")).contains("/camunda/app/cockpit/default/#/process-instance/"
                + amys.getProcessInstanceId());
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
    }

    private void openTask(Task task) {
        browser.get(baseUrl() + TASKLIST + "#/?task=" + task.getId());
        wait.until(visibilityOfElementLocated(TASK_TITLE));
        wait.until(d -> d.findElement(TASK_TITLE).getText().startsWith(task.getName()));
    }
}
