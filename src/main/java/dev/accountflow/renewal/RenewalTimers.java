package dev.accountflow.renewal;

import dev.accountflow.account.AccountService;
import dev.accountflow.account.Subscription;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The renewal's timers, computed as they are created: the escalation from the subscription's end date read by the
 * renewal's business key (never from a variable), the reminder cycle from the configuration.
 */
@Component("renewalTimers")
public class RenewalTimers {

    private final Function<String, LocalDate> endDateOfSubscription;
    private final RenewalProperties properties;

    @Autowired
    RenewalTimers(AccountService accounts, RenewalProperties properties) {
        this(id -> accounts.subscription(id).map(Subscription::getEndDate).orElseThrow(() ->
                new IllegalStateException("No subscription " + id + " for its renewal's timers")), properties);
    }

    public RenewalTimers(Function<String, LocalDate> endDateOfSubscription, RenewalProperties properties) {
        this.endDateOfSubscription = endDateOfSubscription;
        this.properties = properties;
    }

    /** 09:00 on the day escalation-days-before-end before the subscription ends (ISO 8601, engine time zone). */
    public String escalationDate(DelegateExecution execution) {
        return endDateOfSubscription.apply(execution.getProcessBusinessKey())
                .minusDays(properties.escalationDaysBeforeEnd()).atTime(9, 0)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /** How often overdue renewal tasks are reminded, e.g. R/P1D. */
    public String reminderCycle() {
        return properties.reminderCycle();
    }
}
