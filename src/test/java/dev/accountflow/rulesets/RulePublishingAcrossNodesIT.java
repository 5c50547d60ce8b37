package dev.accountflow.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.AccountFlowApplication;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.assignment.TaskAssignment;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.rules.DecisionRecord;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.rules.TaskFacts;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.PostgresTestDatabase;
import dev.accountflow.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A publish is atomic for the tasks being assigned meanwhile, and reaches every node on the same database. */
class RulePublishingAcrossNodesIT extends PostgresIT {

    private static final String PROBE_RULE = "Tasks in the PROBELAND territory get priority 77";

    private final ObjectMapper json = new ObjectMapper();

    @Autowired IdentityService identity;
    @Autowired AccountService accounts;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired DecisionLog decisions;
    @Autowired RuleBook ruleBook;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
    }

    @Test
    void everyTaskCreatedDuringAPublishIsAssignedByExactlyOneCompleteVersion() throws Exception {
        String processKey = "probe" + UUID.randomUUID().toString().substring(0, 8);
        repository.createDeployment().addModelInstance(processKey + ".bpmn",
                Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Probe").name("Probe").endEvent().done()).deploy();
        Account account = accounts.createAccount("Probeland Health " + UUID.randomUUID().toString().substring(0, 6),
                Vertical.HEALTHCARE, "PROBELAND", Tier.ENTERPRISE, TestUsers.IVY);
        int before = ruleBook.get("assignment").version();
        int draft = saveDraft("assignment", withProbeRule(activeDrl("assignment")));

        AtomicBoolean published = new AtomicBoolean(false);
        List<String> processIds = Collections.synchronizedList(new ArrayList<>());
        ExecutorService creators = Executors.newFixedThreadPool(3);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            work.add(creators.submit(() -> {
                int afterPublish = 0;
                while (afterPublish < 5) {
                    processIds.add(runtime.startProcessInstanceByKey(processKey, Map.of("accountId", account.getId()))
                            .getId());
                    if (published.get()) {
                        afterPublish++;
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processIds.size() >= 6);
        HttpResponse<String> publish = post("/api/rule-sets/assignment/versions/" + draft + "/publish", TestUsers.MAX, "");
        published.set(true);
        for (Future<?> f : work) {
            f.get();
        }
        creators.shutdown();
        assertThat(publish.statusCode()).as(publish.body()).isEqualTo(200);

        Set<Integer> versionsSeen = new HashSet<>();
        for (String processId : processIds) {
            Task task = tasks.createTaskQuery().processInstanceId(processId).singleResult();
            DecisionRecord decision = decisions.find((String) tasks.getVariableLocal(task.getId(),
                    TaskAssignment.DECISION_VARIABLE)).orElseThrow();
            versionsSeen.add(decision.getRuleSetVersion());
            if (decision.getRuleSetVersion() == draft) {
                assertThat(decision.getRulesFired()).contains(PROBE_RULE);
                assertThat(task.getPriority()).isEqualTo(77);
            } else {
                assertThat(decision.getRuleSetVersion()).isEqualTo(before);
                assertThat(decision.getRulesFired()).doesNotContain(PROBE_RULE)
                        .contains("Tasks of enterprise accounts get priority 60");
                assertThat(task.getPriority()).isEqualTo(60);
            }
        }
        assertThat(versionsSeen).containsExactlyInAnyOrder(before, draft);
        restore("assignment", before);
    }

    @Test
    void aVersionPublishedOnOneNodeDecidesOnTheOtherWithinTenSeconds() throws Exception {
        try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(AccountFlowApplication.class)
                .profiles("postgres", "it")
                // command-line arguments: they outrank the profile's own settings, as on a real second node
                .run("--server.port=0",
                        "--spring.datasource.url=" + PostgresTestDatabase.url(),
                        "--spring.datasource.username=" + PostgresTestDatabase.user(),
                        "--spring.datasource.password=" + PostgresTestDatabase.password(),
                        "--camunda.bpm.process-engine-name=node-b",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + SMTP_PORT)) {
            RuleBook nodeBRules = nodeB.getBean(RuleBook.class);
            int before = ruleBook.get("assignment").version();
            assertThat(nodeBRules.get("assignment").version()).isEqualTo(before);

            int draft = saveDraft("assignment", withProbeRule(activeDrl("assignment")));
            assertThat(post("/api/rule-sets/assignment/versions/" + draft + "/publish", TestUsers.MAX, "").statusCode())
                    .isEqualTo(200);
            long published = System.nanoTime();

            TaskFacts probe = new TaskFacts("renewal", "Task_PrepareRenewalPlan");
            probe.setTerritory("PROBELAND");
            probe.setTier("ENTERPRISE");
            probe.setOwnerId(TestUsers.IVY);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> nodeBRules.assign(probe).run().version() == draft);
            long tookMs = (System.nanoTime() - published) / 1_000_000;
            var decided = nodeBRules.assign(probe);
            assertThat(decided.decision().getPriority()).isEqualTo(77);
            assertThat(decided.run().rulesFired()).contains(PROBE_RULE);
            System.out.printf("Rule set version %d published on node A decided on node B after %d ms%n", draft, tookMs);
            assertThat(tookMs).isLessThan(10_000);
            restore("assignment", before);
        }
    }

    private static String withProbeRule(String drl) {
        return drl + """

                rule "%s"
                    salience 50
                when
                    TaskFacts( territory == "PROBELAND" )
                    $decision : AssignmentDecision( priority == null )
                then
                    modify( $decision ) { priority( 77 ) }
                end
                """.formatted(PROBE_RULE);
    }

    private int saveDraft(String ruleSet, String drl) throws Exception {
        int latest = json.readTree(get("/api/rule-sets/" + ruleSet, TestUsers.IVY).body()).get("latestVersion").asInt();
        // a probe rule is code, which only rule developers may save for a rule set kept as a table
        HttpResponse<String> saved = send("POST", "/api/rule-sets/" + ruleSet + "/versions", TestUsers.ADMIN,
                json.writeValueAsString(Map.of("drl", drl, "comment", "probe", "baseVersion", latest)), null);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        return json.readTree(saved.body()).get("version").asInt();
    }

    private String activeDrl(String ruleSet) {
        return send("GET", "/api/rule-sets/" + ruleSet, TestUsers.IVY, null, "text/plain").body();
    }

    /** Puts the version the other tests expect back into service. */
    private void restore(String ruleSet, int version) {
        HttpResponse<String> restored = post("/api/rule-sets/" + ruleSet + "/versions/" + version + "/restore",
                TestUsers.MAX, "");
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(201);
    }
}
