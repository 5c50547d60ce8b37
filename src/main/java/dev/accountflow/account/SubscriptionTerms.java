package dev.accountflow.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How a renewal's outcome moves a subscription on: into its next term, or out of the book. */
@Service
public class SubscriptionTerms {

    private final AccountFigures figures;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionTermRepository terms;

    SubscriptionTerms(SubscriptionRepository subscriptions, SubscriptionTermRepository terms, AccountFigures figures) {
        this.figures = figures;
        this.subscriptions = subscriptions;
        this.terms = terms;
    }

    /**
     * RENEWED or DOWNSOLD: the running term is closed with its outcome and the next one starts the day after it
     * ends, for the months quoted, at the new ARR; the subscription is ACTIVE again with the new end date.
     */
    @Transactional
    public SubscriptionTerm startNextTerm(String subscriptionId, SubscriptionStatus outcome, BigDecimal newArr,
                                         int termMonths) {
        if (outcome != SubscriptionStatus.RENEWED && outcome != SubscriptionStatus.DOWNSOLD) {
            throw new IllegalArgumentException("Not an outcome that starts a term: " + outcome);
        }
        Subscription subscription = require(subscriptionId);
        runningTerm(subscription).close(outcome, newArr);
        LocalDate start = subscription.getEndDate().plusDays(1);
        LocalDate end = start.plusMonths(termMonths).minusDays(1);
        SubscriptionTerm next = terms.save(new SubscriptionTerm(subscriptionId, start, end, newArr));
        subscription.startTerm(start, end, newArr);
        figures.refresh(subscription.getAccountId());
        return next;
    }

    /** CHURNED: the running term ends with the reason and the subscription leaves the book. */
    @Transactional
    public void end(String subscriptionId, String reason) {
        Subscription subscription = require(subscriptionId);
        runningTerm(subscription).close(SubscriptionStatus.CHURNED, null);
        subscription.churn(reason);
        figures.refresh(subscription.getAccountId());
    }

    /** Puts a subscription whose renewal ended without an outcome back where the kick-off finds it. */
    @Transactional
    public boolean releaseFromRenewal(String subscriptionId) {
        return subscriptions.findById(subscriptionId).map(Subscription::leaveRenewal).orElse(false);
    }

    /** Every term of the subscription, oldest first; the last is the one running. */
    @Transactional(readOnly = true)
    public List<SubscriptionTerm> termsOf(String subscriptionId) {
        List<SubscriptionTerm> history = terms.findBySubscriptionIdOrderByStartDate(subscriptionId);
        return history.isEmpty()
                ? subscriptions.findById(subscriptionId).map(s -> List.of(firstTerm(s))).orElse(List.of())
                : history;
    }

    /**
     * Retention over the terms that ended between the two days, per calendar quarter of their end ("2026-Q4"; a
     * quarter without such terms is absent), for one owner's accounts or (null) the whole book: one aggregate query.
     */
    @Transactional(readOnly = true)
    public Map<String, RetentionFigures> retentionByQuarter(LocalDate from, LocalDate to, String ownerId) {
        Map<String, RetentionFigures> byQuarter = new java.util.TreeMap<>();
        for (Object[] row : ownerId == null ? terms.retentionByQuarter(from, to)
                : terms.retentionByQuarter(from, to, ownerId)) {
            byQuarter.put(((Number) row[0]).intValue() + "-Q" + ((Number) row[1]).intValue(),
                    new RetentionFigures(decimal(row[2]), decimal(row[3]), decimal(row[4]), decimal(row[5])));
        }
        return byQuarter;
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    // a subscription created before terms were kept gets its running term recorded when it first renews
    private SubscriptionTerm runningTerm(Subscription subscription) {
        List<SubscriptionTerm> history = terms.findBySubscriptionIdOrderByStartDate(subscription.getId());
        return history.isEmpty() ? terms.save(firstTerm(subscription)) : history.get(history.size() - 1);
    }

    private static SubscriptionTerm firstTerm(Subscription subscription) {
        return new SubscriptionTerm(subscription.getId(), subscription.getStartDate(), subscription.getEndDate(),
                subscription.getArr());
    }

    private Subscription require(String id) {
        return subscriptions.findById(id).orElseThrow(() -> new IllegalStateException("No subscription " + id));
    }
}
