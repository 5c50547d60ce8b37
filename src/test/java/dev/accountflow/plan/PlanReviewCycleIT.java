package dev.accountflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A strategic account gets one review cycle; the rep's update and the manager's answers land in the plan's history. */
class PlanReviewCycleIT extends PostgresIT {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired IdentityService identity;
    @Autowired PlanReviewCycles cycles;
    @Autowired AccountPlans plans;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void team() {
        TestUsers.ensure(identity);
    }

    @Test
    void theOwnerUpdatesTheManagerSendsBackThenApprovesAndTheCycleWaitsForTheNextQuarter() throws Exception {
        HttpResponse<String> created = post("/api/accounts", TestUsers.MAX, "{\"name\":\"Plan Mutual "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"vertical\":\"INSURANCE\",\"territory\":"
                + "\"NORTHEAST\",\"tier\":\"STRATEGIC\",\"ownerId\":\"" + TestUsers.IVY + "\"}");
        String account = json.readTree(created.body()).get("id").asText();

        assertThat(cycles.startMissingCycles()).isGreaterThanOrEqualTo(1);
        assertThat(cycles.startMissingCycles()).as("one cycle per account").isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(account).count()).isEqualTo(1);

        Task update = tasks.createTaskQuery().processInstanceBusinessKey(account)
                .taskDefinitionKey("Task_UpdateAccountPlan").singleResult();
        assertThat(update.getAssignee()).isEqualTo(TestUsers.IVY);
        tasks.complete(update.getId(), Map.of("planUpdate", "Q1 objectives set"));

        review(account, "SENT_BACK", "Add an expansion objective");
        Task again = tasks.createTaskQuery().processInstanceBusinessKey(account)
                .taskDefinitionKey("Task_UpdateAccountPlan").singleResult();
        assertThat(again.getAssignee()).isEqualTo(TestUsers.IVY);
        tasks.complete(again.getId(), Map.of("planUpdate", "Expansion objective added"));
        review(account, "APPROVED", "Good");

        var plan = plans.planOf(account, LocalDate.now(ZoneOffset.UTC).getYear()).orElseThrow();
        assertThat(plan.reviews()).extracting(PlanReview::getDecision)
                .containsExactly(ReviewDecision.APPROVED, ReviewDecision.SENT_BACK);
        assertThat(plan.reviews()).extracting(PlanReview::getReviewer).containsOnly(TestUsers.MAX);
        assertThat(plan.reviews().get(1).getReviewComment()).isEqualTo("Add an expansion objective");
        var timer = management.createJobQuery().processInstanceId(update.getProcessInstanceId()).timers().singleResult();
        assertThat(timer).isNotNull();

        // the account is no longer strategic when the next quarter begins: the cycle ends and is forgotten
        jdbc.update("update account set tier = 'ENTERPRISE' where id = ?", account);
        management.executeJob(timer.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(account).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(account).count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from plan_review_cycle where account_id = ?", Integer.class,
                account)).isZero();

        // strategic again: the next check gives it a new cycle
        jdbc.update("update account set tier = 'STRATEGIC' where id = ?", account);
        assertThat(cycles.startMissingCycles()).isGreaterThanOrEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(account).count()).isEqualTo(1);
    }

    private void review(String account, String decision, String comment) {
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(account)
                .taskDefinitionKey("Task_ReviewAccountPlan").singleResult();
        assertThat(tasks.getIdentityLinksForTask(review.getId())).anyMatch(l -> "sales-managers".equals(l.getGroupId()));
        identity.setAuthentication(TestUsers.MAX, List.of("sales-managers"));
        try {
            tasks.claim(review.getId(), TestUsers.MAX);
            tasks.complete(review.getId(), Map.of("reviewDecision", decision, "reviewComment", comment));
        } finally {
            identity.clearAuthentication();
        }
    }
}
