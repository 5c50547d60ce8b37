package dev.accountflow.renewal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * renewal-kickoff's Task_StartRenewalBatch: starts one batch of renewals. Subscriptions that cannot start fail
 * this job with their ids, so it is retried and, if they keep failing, stays in Cockpit as an incident naming them.
 */
@Component("startRenewalBatch")
class StartRenewalBatch implements JavaDelegate {

    private final RenewalWindow window;
    private final KickoffRuns runs;

    StartRenewalBatch(RenewalWindow window, KickoffRuns runs) {
        this.window = window;
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> batch = Arrays.stream(ProcessVariables.text(execution, "subscriptionBatch").split(","))
                .filter(id -> !id.isBlank()).toList();
        List<KickoffFailure> failures = window.startBatch(runs, execution.getProcessInstanceId(), batch);
        if (!failures.isEmpty()) {
            throw new RenewalStartFailed("Renewals could not start for subscription(s) " + failures.stream()
                    .map(f -> f.subscriptionId() + " (" + f.reason() + ")").collect(Collectors.joining("; ")));
        }
    }

    static class RenewalStartFailed extends RuntimeException {
        RenewalStartFailed(String message) {
            super(message);
        }
    }
}
