package dev.accountflow.renewal;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/renewal-kickoff.bpmn: a daily 06:00 timer that runs the renewal kick-off. */
@Deployment(resources = "processes/renewal-kickoff.bpmn")
class RenewalKickoffProcessTest {

    // a file name of its own: a camunda.cfg.xml on the classpath would replace the application's default engine
    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-inmemory.cfg.xml").build();

    private final AtomicInteger kickoffRuns = new AtomicInteger();

    @BeforeEach
    void registerKickoff(ProcessEngine engine) {
        init(engine);
        Mocks.register("renewalKickoff", (JavaDelegate) execution -> kickoffRuns.incrementAndGet());
    }

    @AfterEach
    void resetMocksAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void everyMorningAtSixTheKickoffStartsDueRenewals() {
        Job morning = jobQuery().processDefinitionKey("renewal-kickoff").timers().singleResult();
        then(morning).as("timer start job after deployment").isNotNull();
        LocalDateTime firstRun = local(morning.getDuedate());
        then(firstRun.toLocalTime()).isEqualTo(LocalTime.of(6, 0));
        then(kickoffRuns).as("nothing runs before the timer fires").hasValue(0);

        ClockUtil.setCurrentTime(morning.getDuedate());
        execute(morning);

        then(kickoffRuns).hasValue(1);
        HistoricProcessInstance run = historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("renewal-kickoff").singleResult();
        then(run.getEndActivityId()).isEqualTo("End_DueRenewalsStarted");
        then(historyService().createHistoricActivityInstanceQuery()
                .processInstanceId(run.getId()).activityId("Task_StartDueRenewals").finished().count()).isEqualTo(1);

        Job nextMorning = jobQuery().processDefinitionKey("renewal-kickoff").timers().singleResult();
        then(nextMorning.getId()).isNotEqualTo(morning.getId());
        then(local(nextMorning.getDuedate())).isEqualTo(firstRun.plusDays(1));
    }

    private static LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
}
