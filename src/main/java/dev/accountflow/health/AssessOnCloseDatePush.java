package dev.accountflow.health;

import dev.accountflow.opportunity.CloseDates;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deal's close date pushed: its account is assessed again at once, in the transaction that moved the date. */
@Component
class AssessOnCloseDatePush {

    private final HealthService health;

    AssessOnCloseDatePush(HealthService health) {
        this.health = health;
    }

    @EventListener
    void pushed(CloseDates.Pushed push) {
        health.assess(push.accountId());
    }
}
