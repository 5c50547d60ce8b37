package dev.accountflow.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** As Task_AcknowledgeEscalation completes, the escalation is acknowledged by whoever completed it; the AM is told. */
@Component
class RecordAcknowledgement implements TaskListener {

    private final Escalations escalations;

    RecordAcknowledgement(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void notify(DelegateTask task) {
        escalations.acknowledge(task.getExecution().getProcessBusinessKey(), TaskAnswers.who(task),
                TaskAnswers.text(task, "acknowledgeNote"));
        // a reopened escalation is acknowledged again from an empty form
        task.getExecution().removeVariable("acknowledgeNote");
    }
}
