package dev.accountflow.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One page of the book (or one account) as the sweep's parts all see it: each account's row, its live
 * subscriptions (ACTIVE or IN_RENEWAL) and its latest usage signal. Read once per page by {@link AccountPages} in
 * three range scans; the health rules and the expansion signals each add the tables only they need.
 */
public final class AccountPage {

    /** An account as the sweep reads it. */
    public record Row(String id, String name, String ownerId, String tier, String vertical, BigDecimal liveArr) {
    }

    /** A live subscription (ACTIVE or IN_RENEWAL). */
    public record LiveSubscription(String id, String product, BigDecimal arr, LocalDate endDate) {
    }

    /** The account's latest usage signal. */
    public record LatestSignal(Instant recordedAt, BigDecimal activeUsersChangePct, BigDecimal seatUtilizationPct,
                               Integer openEscalations, BigDecimal csat) {
    }

    private final AccountRange range;
    private final List<Row> accounts;
    private final Map<String, List<LiveSubscription>> subscriptions;
    private final Map<String, LatestSignal> signals;

    AccountPage(AccountRange range, List<Row> accounts, Map<String, List<LiveSubscription>> subscriptions,
                Map<String, LatestSignal> signals) {
        this.range = range;
        this.accounts = List.copyOf(accounts);
        this.subscriptions = subscriptions;
        this.signals = signals;
    }

    /** The range the page was read for: the other tables of the page are read for the same one. */
    public AccountRange range() {
        return range;
    }

    /** The page's accounts in id order. */
    public List<Row> accounts() {
        return accounts;
    }

    public boolean isEmpty() {
        return accounts.isEmpty();
    }

    public List<LiveSubscription> subscriptions(String accountId) {
        return subscriptions.getOrDefault(accountId, List.of());
    }

    /** The latest usage signal, or null when the account has none. */
    public LatestSignal signal(String accountId) {
        return signals.get(accountId);
    }
}
