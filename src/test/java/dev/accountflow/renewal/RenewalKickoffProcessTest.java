package dev.accountflow.renewal;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/renewal-kickoff.bpmn: a daily 06:00 timer (or a manager's request) that starts due renewals in batch jobs. */
@Deployment(resources = "processes/renewal-kickoff.bpmn")
class RenewalKickoffProcessTest {

    // a file name of its own: a camunda.cfg.xml on the classpath would replace the application's default engine
    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-inmemory.cfg.xml").build();

    private final AtomicInteger kickoffRuns = new AtomicInteger();
    private final List<String> batchesStarted = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void registerKickoff(ProcessEngine engine) {
        init(engine);
        Mocks.register("renewalKickoff", (JavaDelegate) execution -> {
            kickoffRuns.incrementAndGet();
            execution.setVariable("dueBatches", Variables.objectValue(List.of("SUB-1,SUB-2", "SUB-3", "SUB-4"), true).create());
        });
        Mocks.register("startRenewalBatch", (JavaDelegate) execution -> {
            String batch = (String) execution.getVariable("subscriptionBatch");
            if (batch.contains("SUB-3")) {
                throw new IllegalStateException("Renewals could not start for subscription(s) SUB-3 (poisoned)");
            }
            batchesStarted.add(batch);
        });
    }

    @AfterEach
    void resetMocksAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void everyMorningAtSixTheKickoffStartsDueRenewalsInBatchJobs() {
        Job morning = jobQuery().processDefinitionKey("renewal-kickoff").timers().singleResult();
        then(morning).as("timer start job after deployment").isNotNull();
        LocalDateTime firstRun = local(morning.getDuedate());
        then(firstRun.toLocalTime()).isEqualTo(LocalTime.of(6, 0));
        then(kickoffRuns).as("nothing runs before the timer fires").hasValue(0);

        ClockUtil.setCurrentTime(morning.getDuedate());
        managementService().executeJob(morning.getId());
        runJobsUntilNoneLeft();

        then(kickoffRuns).hasValue(1);
        then(batchesStarted).as("each batch ran as a job of its own").containsExactlyInAnyOrder("SUB-1,SUB-2", "SUB-4");
        Incident poisoned = runtimeService().createIncidentQuery().singleResult();
        then(poisoned.getIncidentMessage()).as("Cockpit names the subscription that keeps failing").contains("SUB-3");

        Job nextMorning = jobQuery().processDefinitionKey("renewal-kickoff").timers().singleResult();
        then(nextMorning.getId()).isNotEqualTo(morning.getId());
        then(local(nextMorning.getDuedate())).isEqualTo(firstRun.plusDays(1));
    }

    @Test
    void aManagersRequestIsAnsweredAtOnceAndTheJobsDoTheWork() {
        Mocks.register("startRenewalBatch", (JavaDelegate) execution ->
                batchesStarted.add((String) execution.getVariable("subscriptionBatch")));
        ProcessInstance run = runtimeService().startProcessInstanceByMessage("RenewalKickoffAsked");
        then(kickoffRuns).as("the request only starts the run").hasValue(0);

        runJobsUntilNoneLeft();

        then(batchesStarted).containsExactlyInAnyOrder("SUB-1,SUB-2", "SUB-3", "SUB-4");
        HistoricProcessInstance done = historyService().createHistoricProcessInstanceQuery()
                .processInstanceId(run.getId()).singleResult();
        then(done.getEndActivityId()).isEqualTo("End_DueRenewalsStarted");
    }

    private static void runJobsUntilNoneLeft() {
        for (int round = 0; round < 50; round++) {
            // the next morning's timer belongs to no run
            List<Job> due = jobQuery().executable().list().stream().filter(j -> j.getProcessInstanceId() != null).toList();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    managementService().executeJob(job.getId());
                } catch (RuntimeException failedJob) {
                    // the engine counts the retry down; the loop runs the job again until it becomes an incident
                }
            }
        }
    }

    private static LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
}
