package dev.accountflow.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.opportunity.OpportunityService;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The kick-off as the job executor runs it: batch jobs, failures isolated and named, nodes racing safely. */
class RenewalKickoffIT extends PostgresIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired AccountService accounts;
    @Autowired OpportunityService opportunities;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
    }

    @Test
    void aRunWithOnePoisonedSubscriptionStartsAllTheOthersAndReportsThePoisonedOneAsFailed() throws Exception {
        Subscription first = dueSubscription("Oakridge Surgical " + unique(), 50);
        Subscription poisoned = dueSubscription("Poisoned Trust " + unique(), 51);
        Subscription last = dueSubscription("Riverside Dental Plan " + unique(), 52);
        // a real failure from the database, for this one subscription only
        jdbc.execute("""
                create or replace function refuse_poisoned() returns trigger language plpgsql as $$
                begin
                  if new.subscription_id = '%s' then raise exception 'poisoned subscription %%', new.subscription_id; end if;
                  return new;
                end $$""".formatted(poisoned.getId()));
        jdbc.execute("create trigger refuse_poisoned before insert on opportunity for each row execute function refuse_poisoned()");
        try {
            assertThat(post("/api/renewals/kickoff", TestUsers.IVY, "").statusCode()).isEqualTo(403);
            HttpResponse<String> asked = post("/api/renewals/kickoff", TestUsers.MAX, "");
            assertThat(asked.statusCode()).isEqualTo(202);
            String runId = JSON.readTree(asked.body()).get("runId").asText();
            JsonNode before = status(runId);
            assertThat(before.get("status").asText()).as("answered before any work is done").isEqualTo("RUNNING");

            runJobsOf(runId);

            JsonNode after = status(runId);
            assertThat(after.get("status").asText()).isEqualTo("DONE");
            assertThat(after.get("started").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(after.get("failed").asInt()).isEqualTo(1);
            assertThat(after.get("failedSubscriptions").get(0).get("subscriptionId").asText()).isEqualTo(poisoned.getId());
            assertThat(after.get("failedSubscriptions").get(0).get("reason").asText()).contains("poisoned subscription");
            assertThat(liveRenewal(first.getId())).isNotNull();
            assertThat(liveRenewal(last.getId())).isNotNull();
            assertThat(liveRenewal(poisoned.getId())).isNull();
            Incident incident = runtime.createIncidentQuery().processInstanceId(runId).singleResult();
            assertThat(incident.getIncidentMessage()).as("Cockpit names the subscription").contains(poisoned.getId());
        } finally {
            jdbc.execute("drop trigger refuse_poisoned on opportunity");
            jdbc.update("update subscription set status = 'CHURNED' where id = ?", poisoned.getId());
        }
    }

    @Test
    void twoNodesRacingThroughTheTimerJobStartExactlyOneRenewalPerSubscription() throws Exception {
        List<Subscription> due = List.of(dueSubscription("Summit Health Alliance " + unique(), 70),
                dueSubscription("Pinecrest Assurance " + unique(), 71),
                dueSubscription("Bayside Federal Credit " + unique(), 72));
        Set<String> earlier = runIds();
        Job morning = management.createJobQuery().processDefinitionKey("renewal-kickoff").timers().singleResult();
        management.executeJob(morning.getId());
        runtime.startProcessInstanceByMessage("RenewalKickoffAsked");
        Set<String> runs = runIds();
        runs.removeAll(earlier);
        assertThat(runs).hasSize(2);

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> work = nodes.invokeAll(runs.stream().map(run -> (java.util.concurrent.Callable<Object>) () -> {
                runJobsOf(run);
                return null;
            }).toList());
            for (Future<Object> done : work) {
                done.get();
            }
        } finally {
            nodes.shutdown();
        }

        for (Subscription subscription : due) {
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("renewal")
                    .processInstanceBusinessKey(subscription.getId()).count()).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from live_renewal where subscription_id = ?", Integer.class,
                    subscription.getId())).isEqualTo(1);
            assertThat(opportunities.ofSubscription(subscription.getId())).hasSize(1);
        }
        int startedByBoth = 0;
        for (String run : runs) {
            JsonNode status = status(run);
            assertThat(status.get("status").asText()).isEqualTo("DONE");
            assertThat(status.get("failed").asInt()).isZero();
            startedByBoth += status.get("started").asInt();
        }
        assertThat(startedByBoth).as("each renewal counted once, by the run that started it")
                .isGreaterThanOrEqualTo(due.size());
    }

    private void runJobsOf(String runId) {
        for (int round = 0; round < 200; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(runId).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // the engine counts the job's retries down; it runs again until it becomes an incident
                }
            }
        }
    }

    private Set<String> runIds() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("renewal-kickoff").list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toCollection(HashSet::new));
    }

    private JsonNode status(String runId) throws Exception {
        HttpResponse<String> response = get("/api/renewals/kickoff/" + runId, TestUsers.MAX);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private ProcessInstance liveRenewal(String subscriptionId) {
        return RenewalSteps.liveRenewal(runtime, subscriptionId);
    }

    private Subscription dueSubscription(String name, int daysToEnd) {
        Account account = accounts.createAccount(name, Vertical.INSURANCE, "NORTHEAST", Tier.GROWTH, TestUsers.NED);
        return accounts.addSubscription(account.getId(), "Claims Analytics", BigDecimal.valueOf(40_000),
                TODAY.minusYears(1), TODAY.plusDays(daysToEnd));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
