package dev.accountflow.renewal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/renewals")
class RenewalController {

    private final RenewalWindow kickoff;

    RenewalController(RenewalWindow kickoff) {
        this.kickoff = kickoff;
    }

    /** Runs the daily kick-off now; subscriptions already in renewal are never started twice. */
    @PostMapping("/kickoff")
    @PreAuthorize("hasAnyRole('sales-managers', 'camunda-admin')")
    Map<String, Integer> kickoff() {
        return Map.of("started", kickoff.startDueRenewals(LocalDate.now(ZoneOffset.UTC)));
    }
}
