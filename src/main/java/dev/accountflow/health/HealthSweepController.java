package dev.accountflow.health;

import dev.accountflow.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Health sweep")
@RestController
@RequestMapping("/api/health/sweep")
@PreAuthorize("hasAnyRole('sales-managers', 'camunda-admin')")
class HealthSweepController {

    private final HealthService health;
    private final SweepRuns runs;

    HealthSweepController(HealthService health, SweepRuns runs) {
        this.health = health;
        this.runs = runs;
    }

    /** Asks for a sweep now (after publishing a health rule change, say): the answer names the run to follow. */
    @Operation(operationId = "startHealthSweep", summary = "Start a health sweep over the whole book",
            description = "Answers the run id at once; the sweep runs in the background a page of accounts at a time.")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> sweep() {
        return Map.of("runId", health.askForSweep());
    }

    @Operation(operationId = "getHealthSweepRun", summary = "Read how a health sweep run went")
    @GetMapping("/{runId}")
    SweepRuns.SweepStatus run(@PathVariable String runId) {
        SweepRuns.SweepStatus status = runs.status(runId);
        if (status == null) {
            throw ApiException.notFound("Health sweep " + runId);
        }
        return status;
    }
}
