package dev.accountflow.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counters of business events, moved only when the transaction that caused them commits: a renewal start rolled
 * back and retried by its job counts once.
 */
@Component
public class SalesMetrics {

    private static final java.util.List<String> OUTCOMES = java.util.List.of("RENEWED", "DOWNSOLD", "CHURNED");

    private final MeterRegistry registry;
    private final Counter renewalsStarted;
    private final Counter loginFailures;

    SalesMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.renewalsStarted = Counter.builder("accountflow.renewals.started")
                .description("Renewals started by the kick-off").register(registry);
        this.loginFailures = Counter.builder("accountflow.logins.failed")
                .description("Sign-ins refused (wrong user name or password)").register(registry);
        // every outcome is scraped from the start (0 until a renewal closes that way), so rates and alerts see it
        OUTCOMES.forEach(this::closedCounter);
    }

    public void renewalStarted() {
        afterCommit(renewalsStarted::increment);
    }

    /** outcome: RENEWED, DOWNSOLD or CHURNED; anything else counts as OTHER, so the tag stays a short list. */
    public void renewalClosed(String outcome) {
        Counter closed = closedCounter(OUTCOMES.contains(outcome) ? outcome : "OTHER");
        afterCommit(closed::increment);
    }

    private Counter closedCounter(String outcome) {
        return Counter.builder("accountflow.renewals.closed").tag("outcome", outcome)
                .description("Renewals closed, by outcome").register(registry);
    }

    public void loginFailed() {
        loginFailures.increment();
    }

    private static void afterCommit(Runnable count) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }
}
