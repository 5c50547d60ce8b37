package dev.accountflow.renewal;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.SubscriptionStatus;
import dev.accountflow.operations.BusinessEvents;
import dev.accountflow.opportunity.Opportunity;
import dev.accountflow.opportunity.OpportunityService;
import dev.accountflow.operations.SalesMetrics;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Starts a renewal for every active subscription whose end date has entered the renewal window. */
@Service
public class RenewalWindow {

    private static final Logger log = LoggerFactory.getLogger(RenewalWindow.class);
    static final String PROCESS_KEY = "renewal";

    enum Start { STARTED, ALREADY_LIVE, STARTED_BY_THIS_RUN, NOT_DUE }

    private final AccountService accounts;
    private final OpportunityService opportunities;
    private final LiveRenewalRepository liveRenewals;
    private final RuntimeService runtime;
    private final ProcessEngine engine;
    private final TransactionTemplate tx;
    private final RenewalProperties properties;
    private final EntityManager entities;
    private final SalesMetrics metrics;

    RenewalWindow(AccountService accounts, OpportunityService opportunities, LiveRenewalRepository liveRenewals,
                  RuntimeService runtime, ProcessEngine engine, TransactionTemplate tx, RenewalProperties properties,
                  EntityManager entities, SalesMetrics metrics) {
        this.entities = entities;
        this.metrics = metrics;
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.liveRenewals = liveRenewals;
        this.runtime = runtime;
        this.engine = engine;
        this.tx = tx;
        this.properties = properties;
    }

    /** Starts due renewals right here (demo data, tests); each in its own transaction, so one bad row stops no other. */
    public int startDueRenewals(LocalDate today) {
        int started = 0;
        for (String subscriptionId : dueSubscriptionIds(today)) {
            try {
                if (tx.execute(s -> start(subscriptionId, null)) == Start.STARTED) {
                    started++;
                }
            } catch (RuntimeException e) {
                if (!alreadyLive(e, subscriptionId)) {
                    log.error("Renewal of subscription {} could not start", subscriptionId, e);
                }
            }
        }
        if (started > 0) {
            log.info("Renewal kick-off started {} renewal(s)", started);
        }
        return started;
    }

    /** Active subscriptions ending within the window, soonest first. */
    List<String> dueSubscriptionIds(LocalDate today) {
        return accounts.activeSubscriptionsEndingBetween(today, today.plusDays(properties.windowDays())).stream()
                .map(Subscription::getId).toList();
    }

    /**
     * Starts one batch of a kick-off run in one new transaction of its own; if that fails, each subscription again
     * in its own, so a bad one stops no other. Counts go to the run in the transaction that started the renewal.
     */
    List<KickoffFailure> startBatch(KickoffRuns runs, String runId, List<String> subscriptionIds) {
        CommandExecutor ownTransaction = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequiresNew();
        try {
            ownTransaction.execute(context -> {
                List<Start> results = new ArrayList<>();
                for (String id : subscriptionIds) {
                    results.add(start(id, runId));
                    // written now and forgotten: otherwise every query of the next renewal dirty-checks all before it
                    entities.flush();
                    entities.clear();
                }
                runs.count(runId, results);
                return null;
            });
            return List.of();
        } catch (RuntimeException batchFailed) {
            log.info("Kick-off run {}: a batch of {} failed ({}); starting its renewals one by one", runId,
                    subscriptionIds.size(), batchFailed.getMessage());
        }
        List<KickoffFailure> failures = new ArrayList<>();
        for (String id : subscriptionIds) {
            try {
                ownTransaction.execute(context -> {
                    Start result = start(id, runId);
                    runs.count(runId, List.of(result));
                    runs.forgetFailure(runId, id);
                    return null;
                });
            } catch (RuntimeException e) {
                if (alreadyLive(e, id)) {
                    ownTransaction.execute(context -> {
                        runs.count(runId, List.of(Start.ALREADY_LIVE));
                        return null;
                    });
                } else {
                    log.error("Kick-off run {}: renewal of subscription {} could not start", runId, id, e);
                    KickoffFailure failure = new KickoffFailure(id, reason(e));
                    ownTransaction.execute(context -> {
                        runs.recordFailure(runId, failure);
                        return null;
                    });
                    failures.add(failure);
                }
            }
        }
        return failures;
    }

    private Start start(String subscriptionId, String runId) {
        Optional<LiveRenewal> live = liveRenewals.findById(subscriptionId);
        if (live.isPresent()) {
            return runId != null && runId.equals(live.get().getKickoffRunId()) ? Start.STARTED_BY_THIS_RUN
                    : Start.ALREADY_LIVE;
        }
        Subscription subscription = accounts.subscription(subscriptionId).orElseThrow();
        if (subscription.getStatus() != SubscriptionStatus.ACTIVE) {
            return Start.NOT_DUE;
        }
        Account account = accounts.account(subscription.getAccountId()).orElseThrow();
        Opportunity opportunity = opportunities.openRenewal(account.getId(), subscriptionId, account.getName(),
                subscription.getProduct(), subscription.getArr(), subscription.getEndDate(), account.getOwnerId());
        // inserted, never merged: a second node's insert fails on the key here, before the process starts
        LiveRenewal row = liveRenewals.saveAndFlush(new LiveRenewal(subscriptionId, opportunity.getId(), runId));
        accounts.markInRenewal(subscriptionId);

        // the account's id and the product name for task names, forms' links and Cockpit searches only: every step
        // reads the subscription, account and quote by the business key, and each task's figures are put on the task
        // as it is created
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, subscriptionId,
                Map.of("accountId", account.getId(), "product", subscription.getProduct()));
        row.attachProcess(instance.getId());
        opportunities.attachProcess(opportunity.getId(), instance.getId());
        metrics.renewalStarted();
        BusinessEvents.record("renewal started", instance.getId(), subscriptionId, null, "accountId",
                account.getId(), "opportunityId", opportunity.getId());
        return Start.STARTED;
    }

    /** Only the live_renewal key says "already live"; any other failure is a real one. */
    static boolean alreadyLive(Throwable failure, String subscriptionId) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("live_renewal")) {
                log.info("Renewal of subscription {} is already live (another node started it)", subscriptionId);
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
