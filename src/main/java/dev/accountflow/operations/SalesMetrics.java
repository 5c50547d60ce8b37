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

    private final MeterRegistry registry;
    private final Counter renewalsStarted;
    private final Counter loginFailures;

    SalesMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.renewalsStarted = Counter.builder("accountflow.renewals.started")
                .description("Renewals started by the kick-off").register(registry);
        this.loginFailures = Counter.builder("accountflow.logins.failed")
                .description("Sign-ins refused (wrong user name or password)").register(registry);
    }

    public void renewalStarted() {
        afterCommit(renewalsStarted::increment);
    }

    /** outcome: RENEWED, DOWNSOLD or CHURNED. */
    public void renewalClosed(String outcome) {
        Counter closed = Counter.builder("accountflow.renewals.closed").tag("outcome", outcome)
                .description("Renewals closed, by outcome").register(registry);
        afterCommit(closed::increment);
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
