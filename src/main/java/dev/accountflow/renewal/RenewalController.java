package dev.accountflow.renewal;

import dev.accountflow.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Renewals")
@RestController
@RequestMapping("/api/renewals")
@PreAuthorize("hasAnyRole('sales-managers', 'camunda-admin')")
class RenewalController {

    static final String KICKOFF_ASKED = "RenewalKickoffAsked";

    private final RuntimeService runtime;
    private final KickoffRuns runs;

    RenewalController(RuntimeService runtime, KickoffRuns runs) {
        this.runtime = runtime;
        this.runs = runs;
    }

    /** Asks for a kick-off now: the job executor does the work in batches; the answer names the run to follow. */
    @Operation(operationId = "startRenewalKickoff", summary = "Start the renewal kick-off",
            description = "Starts a renewal for every subscription ending within the window that has none yet; "
                    + "answers the run id at once.")
    @PostMapping("/kickoff")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> kickoff() {
        return Map.of("runId", runtime.startProcessInstanceByMessage(KICKOFF_ASKED).getId());
    }

    @Operation(operationId = "getRenewalKickoffRun", summary = "Read how a kick-off run went")
    @GetMapping("/kickoff/{runId}")
    KickoffRuns.KickoffStatus kickoffRun(@PathVariable String runId) {
        KickoffRuns.KickoffStatus status = runs.status(runId);
        if (status == null) {
            throw ApiException.notFound("Kick-off run " + runId);
        }
        return status;
    }
}
