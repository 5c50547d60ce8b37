package dev.accountflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfAllElementsLocatedBy;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.accountflow.support.BrowserIT;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** A rep works a renewal in Tasklist in a real browser: one login, the Camunda Form, and only their own tasks. */
class TasklistBrowserIT extends BrowserIT {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final By FORM = By.cssSelector(".fjs-container");
    private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
    private static final By FILTERS = By.cssSelector(".task-filter .name a");
    private static final By LISTED_TASKS = By.cssSelector("ol.tasks-list li.task h4.task a");
    private static final By ERROR_NOTIFICATION = By.cssSelector(".notifications .alert-danger, .notifications .alert-error");
    private static final Pattern TASK_ID_IN_LINK = Pattern.compile("task=([^&]+)");

    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;

    @Test
    void repWritesTheRenewalPlanInTasklistAndTheExecutiveCheckInComesToThemNext() throws IOException {
        signInToTasklistAs("amy");
        Task task = renewalPlanTaskOf("amy");
        String renewal = task.getProcessInstanceId();

        openTask(task.getId());
        wait.until(visibilityOfElementLocated(FORM));
        WebElement accountName = field("accountName");
        WebElement product = field("product");
        WebElement healthReasons = field("healthReasons");
        wait.until(d -> !valueOf(accountName).isEmpty());
        screenshot("tasklist-renewal-plan.png");

        assertThat(valueOf(accountName)).isEqualTo(tasks.getVariable(task.getId(), "accountName")).isNotBlank();
        assertThat(valueOf(product)).isEqualTo(tasks.getVariable(task.getId(), "product")).isNotBlank();
        assertThat(valueOf(healthReasons)).isEqualTo(runtime.getVariable(renewal, "healthReasons"));
        assertThat(List.of(accountName, product, healthReasons)).allSatisfy(shown ->
                assertThat(!shown.isEnabled() || shown.getDomAttribute("readonly") != null)
                        .as("%s is for reading only", shown.getDomAttribute("id")).isTrue());

        String plan = "Goal: renew all seats for two years.\nStakeholders: CFO and the clinical ops lead.";
        field("renewalPlan").sendKeys(plan);
        wait.until(elementToBeClickable(COMPLETE)).click();
        wait.until(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);

        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(runtime.getVariable(renewal, "renewalPlan")).isEqualTo(plan);
        Task checkIn = tasks.createTaskQuery().processInstanceId(renewal)
                .taskDefinitionKey("Task_ExecutiveCheckIn").singleResult();
        assertThat(checkIn).as("executive check-in of the same renewal").isNotNull();
        assertThat(checkIn.getAssignee()).isEqualTo("amy");
    }

    @Test
    void myTasksListsTheRepsOwnTasksAndAColleaguesTaskDoesNotOpen() {
        signInToTasklistAs("amy");
        List<String> filters = wait.until(visibilityOfAllElementsLocatedBy(FILTERS)).stream()
                .map(WebElement::getText).toList();
        assertThat(filters).anyMatch(name -> name.startsWith("My tasks"))
                .noneMatch(name -> name.startsWith("All open tasks"));

        browser.findElements(FILTERS).stream().filter(f -> f.getText().startsWith("My tasks")).findFirst()
                .orElseThrow().click();
        List<WebElement> listed = wait.until(visibilityOfAllElementsLocatedBy(LISTED_TASKS));
        Set<String> amys = tasks.createTaskQuery().taskAssignee("amy").list().stream().map(Task::getId)
                .collect(Collectors.toSet());
        assertThat(listed).extracting(link -> taskIdIn(link.getDomAttribute("href")))
                .isNotEmpty().allSatisfy(id -> assertThat(amys).contains(id));

        Task bens = tasks.createTaskQuery().taskAssignee("ben").listPage(0, 1).get(0);
        openTask(bens.getId());
        assertThat(wait.until(visibilityOfElementLocated(ERROR_NOTIFICATION)).getText())
                .containsIgnoringCase("task");
        assertThat(browser.findElements(FORM)).isEmpty();
        assertThat(browser.findElements(COMPLETE)).noneMatch(WebElement::isDisplayed);
    }

    private void signInToTasklistAs(String user) {
        signInAs(user, TASKLIST);
        wait.until(visibilityOfElementLocated(FILTERS));
    }

    private Task renewalPlanTaskOf(String user) {
        List<Task> open = tasks.createTaskQuery().taskAssignee(user).taskDefinitionKey("Task_PrepareRenewalPlan")
                .orderByTaskCreateTime().asc().list();
        assertThat(open).as("%s's renewal plans to prepare", user).isNotEmpty();
        // an account with risk findings shows more of the form
        return open.stream()
                .filter(t -> !"No risk flags".equals(runtime.getVariable(t.getProcessInstanceId(), "healthReasons")))
                .findFirst().orElse(open.get(0));
    }

    private void openTask(String taskId) {
        browser.get(baseUrl() + TASKLIST + "#/?task=" + taskId);
    }

    private WebElement field(String id) {
        return wait.until(visibilityOfElementLocated(By.cssSelector(".fjs-container [id$='" + id + "']")));
    }

    private static String valueOf(WebElement field) {
        String value = field.getDomProperty("value");
        return value == null ? "" : value;
    }

    private static String taskIdIn(String href) {
        Matcher matcher = TASK_ID_IN_LINK.matcher(href == null ? "" : href);
        return matcher.find() ? matcher.group(1) : href;
    }

}
