package dev.accountflow.renewal;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** A subscription's live renewal and the rep's or manager's open task in it, as the renewal tests look for them. */
final class RenewalSteps {

    private RenewalSteps() {
    }

    static ProcessInstance liveRenewal(RuntimeService runtime, String subscriptionId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("renewal")
                .processInstanceBusinessKey(subscriptionId).singleResult();
    }

    static Task openTask(TaskService tasks, ProcessInstance renewal) {
        return tasks.createTaskQuery().processInstanceId(renewal.getId())
                .taskDefinitionKeyIn("Task_PrepareRenewalPlan", "Task_ExecutiveCheckIn", "Task_PrepareQuote",
                        "Task_ApproveDiscount", "Task_Negotiate").singleResult();
    }
}
