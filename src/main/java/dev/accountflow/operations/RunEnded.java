package dev.accountflow.operations;

import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The end of a book-wide run (the renewal kick-off, the portfolio health sweep): one "run done" line with the run's
 * process instance and how long it took. An end listener of those processes' end events (camunda:class, so the
 * in-memory process tests need no bean for it).
 */
public class RunEnded implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        HistoricProcessInstance run = execution.getProcessEngineServices().getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceId(execution.getProcessInstanceId())
                .singleResult();
        Long seconds = run == null || run.getStartTime() == null ? null
                : Duration.ofMillis(ClockUtil.getCurrentTime().getTime() - run.getStartTime().getTime()).toSeconds();
        BusinessEvents.record("run done", execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                BusinessEvents.SYSTEM, "processKey", execution.getProcessDefinitionId().split(":")[0],
                "seconds", seconds);
    }
}
