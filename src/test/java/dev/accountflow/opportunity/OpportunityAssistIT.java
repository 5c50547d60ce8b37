package dev.accountflow.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sales manager asks an account manager to assist on another rep's deal: the assignment table gives her the task
 * with the deal's context, her answer lands on the deal; bad requests name the field and start nothing.
 */
class OpportunityAssistIT extends PostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired AccountService accounts;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired DecisionLog decisions;

    private String nedsDeal;

    @BeforeEach
    void aDealOfNeds() throws Exception {
        TestUsers.ensure(identity);
        Account account = accounts.createAccount("Assist Health " + UUID.randomUUID().toString().substring(0, 8),
                Vertical.HEALTHCARE, "MIDATLANTIC", Tier.ENTERPRISE, TestUsers.NED);
        HttpResponse<String> opened = post("/api/opportunities", TestUsers.NED, "{\"accountId\":\"" + account.getId()
                + "\",\"type\":\"EXPANSION\",\"name\":\"Care analytics for the clinics\",\"product\":\"Claims Analytics\","
                + "\"amount\":310000,\"closeDate\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(50) + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        nedsDeal = JSON.readTree(opened.body()).get("id").asText();
    }

    @Test
    void theColleagueGetsATaskWithTheDealsContextAndHerAnswerLandsOnTheDeal() throws Exception {
        HttpResponse<String> asked = post("/api/opportunities/" + nedsDeal + "/assist-requests", TestUsers.MAX,
                "{\"assistantId\":\"ivy\",\"request\":\"You ran the same rollout at Harbor Health; join the CFO call\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);

        Task task = tasks.createTaskQuery().processDefinitionKey("opportunity-assist")
                .processInstanceBusinessKey(nedsDeal).singleResult();
        assertThat(task.getAssignee()).as("the assignment table's routed row").isEqualTo(TestUsers.IVY);
        assertThat(task.getName()).startsWith("Assist ned on Care analytics for the clinics");
        assertThat(ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC),
                LocalDate.ofInstant(task.getDueDate().toInstant(), ZoneOffset.UTC))).isEqualTo(3);
        assertThat(tasks.getVariables(task.getId())).containsEntry("amountText", "$310,000")
                .containsEntry("stageLabel", "Qualify").containsEntry("askedBy", TestUsers.MAX)
                .containsEntry("assistRequest", "You ran the same rollout at Harbor Health; join the CFO call");
        assertThat(DecisionLog.why(decisions.find((String) tasks.getVariableLocal(task.getId(), "assignmentDecisionId"))
                .orElseThrow())).contains("A colleague a sales manager asked to assist on a deal gets the task");

        // she completes it in Tasklist: only the form's answer field is hers to write
        HttpResponse<String> sneaky = post("/engine-rest/task/" + task.getId() + "/complete", TestUsers.IVY,
                "{\"variables\":{\"assistNotes\":{\"value\":\"Joined\"},\"assistantId\":{\"value\":\"max\"}}}");
        assertThat(sneaky.statusCode()).isEqualTo(400);
        assertThat(sneaky.body()).contains("assistantId: not a field of the form");
        HttpResponse<String> done = post("/engine-rest/task/" + task.getId() + "/complete", TestUsers.IVY,
                "{\"variables\":{\"assistNotes\":{\"value\":\"Joined the CFO call; they want the rollout in two phases\"}}}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

        JsonNode deal = dealAsNed();
        assertThat(deal.get("assistanceNotes").asText())
                .contains("max asked ivy to assist: You ran the same rollout at Harbor Health; join the CFO call")
                .contains("ivy assisted: Joined the CFO call; they want the rollout in two phases");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"assistantId\":\"pia\",\"request\":\"Help\"}|400|assistantId: 'pia' is not an account manager",
            "{\"assistantId\":\"nobody\",\"request\":\"Help\"}|400|assistantId: 'nobody' is not an account manager",
            "{\"assistantId\":\"ned\",\"request\":\"Help\"}|400|assistantId: ned owns this deal",
            "{\"assistantId\":\"ivy\"}|400|request:",
            "{\"assistantId\":\"ivy\",\"request\":\"   \"}|400|request:"})
    void badRequestsNameTheFieldAndStartNothing(String body, int status, String detail) {
        HttpResponse<String> refused = post("/api/opportunities/" + nedsDeal + "/assist-requests", TestUsers.MAX, body);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(status);
        assertThat(refused.body()).contains(detail);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("opportunity-assist")
                .processInstanceBusinessKey(nedsDeal).count()).isZero();
    }

    @Test
    void anUnknownDealIsNotFoundAndRepsCannotTaskEachOther() {
        assertThat(post("/api/opportunities/no-such-deal/assist-requests", TestUsers.MAX,
                "{\"assistantId\":\"ivy\",\"request\":\"Help\"}").statusCode()).isEqualTo(404);
        assertThat(post("/api/opportunities/" + nedsDeal + "/assist-requests", TestUsers.NED,
                "{\"assistantId\":\"ivy\",\"request\":\"Help\"}").statusCode()).isEqualTo(403);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("opportunity-assist")
                .processInstanceBusinessKey(nedsDeal).count()).isZero();
    }

    private JsonNode dealAsNed() throws Exception {
        for (int page = 0; ; page++) {
            JsonNode found = JSON.readTree(get("/api/opportunities?size=200&page=" + page, TestUsers.NED).body());
            for (JsonNode deal : found.get("content")) {
                if (nedsDeal.equals(deal.get("id").asText())) {
                    return deal;
                }
            }
            if (found.get("content").isEmpty()) {
                throw new AssertionError("deal " + nedsDeal + " not in ned's pipeline");
            }
        }
    }
}
