package dev.accountflow.health;

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

/** processes/portfolio-health-sweep.bpmn: a nightly 02:00 timer (or a manager's request) that sweeps the book in page jobs. */
@Deployment(resources = "processes/portfolio-health-sweep.bpmn")
class PortfolioHealthSweepProcessTest {

    // a file name of its own: a camunda.cfg.xml on the classpath would replace the application's default engine
    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-inmemory.cfg.xml").build();

    private final AtomicInteger pagings = new AtomicInteger();
    private final List<String> pagesSwept = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void registerSweep(ProcessEngine engine) {
        init(engine);
        Mocks.register("pageTheBook", (JavaDelegate) execution -> {
            pagings.incrementAndGet();
            execution.setVariable("accountBatches", Variables.objectValue(List.of("|A-0500", "A-0500|A-1000", "A-1000|A-1200"), true).create());
        });
        Mocks.register("sweepBatch", (JavaDelegate) execution -> {
            String batch = (String) execution.getVariable("accountBatch");
            if (batch.equals("A-0500|A-1000")) {
                throw new IllegalStateException("disk full while flagging A-0734");
            }
            pagesSwept.add(batch);
        });
    }

    @AfterEach
    void resetMocksAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void everyNightAtTwoTheSweepAssessesTheBookInPageJobs() {
        Job night = jobQuery().processDefinitionKey("portfolio-health-sweep").timers().singleResult();
        then(night).as("timer start job after deployment").isNotNull();
        LocalDateTime firstRun = local(night.getDuedate());
        then(firstRun.toLocalTime()).isEqualTo(LocalTime.of(2, 0));
        then(pagings).as("nothing runs before the timer fires").hasValue(0);

        ClockUtil.setCurrentTime(night.getDuedate());
        managementService().executeJob(night.getId());
        runJobsUntilNoneLeft();

        then(pagings).hasValue(1);
        then(pagesSwept).as("each batch ran as a job of its own").containsExactlyInAnyOrder("|A-0500", "A-1000|A-1200");
        Incident poisoned = runtimeService().createIncidentQuery().singleResult();
        then(poisoned.getIncidentMessage()).as("Cockpit names the failing page").contains("A-0734");

        Job nextNight = jobQuery().processDefinitionKey("portfolio-health-sweep").timers().singleResult();
        then(nextNight.getId()).isNotEqualTo(night.getId());
        then(local(nextNight.getDuedate())).isEqualTo(firstRun.plusDays(1));
    }

    @Test
    void aManagersRequestIsAnsweredAtOnceAndTheJobsDoTheWork() {
        Mocks.register("sweepBatch", (JavaDelegate) execution ->
                pagesSwept.add((String) execution.getVariable("accountBatch")));
        ProcessInstance run = runtimeService().startProcessInstanceByMessage("HealthSweepAsked");
        then(pagings).as("the request only starts the run").hasValue(0);

        runJobsUntilNoneLeft();

        then(pagesSwept).containsExactlyInAnyOrder("|A-0500", "A-0500|A-1000", "A-1000|A-1200");
        HistoricProcessInstance done = historyService().createHistoricProcessInstanceQuery()
                .processInstanceId(run.getId()).singleResult();
        then(done.getEndActivityId()).isEqualTo("End_BookSwept");
    }

    private static void runJobsUntilNoneLeft() {
        for (int round = 0; round < 50; round++) {
            // the next night's timer belongs to no run
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
