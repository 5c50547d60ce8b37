package dev.accountflow.account;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads an {@link AccountPage}: the accounts of a range, their live subscriptions and their latest usage signals, in
 * three range scans by account id. No per-account statement, no sorting or grouping in the database: the rows
 * stream and are gathered here (on PostgreSQL each scan is an index-only scan of a covering index).
 */
@Component
public class AccountPages {

    private final JdbcTemplate jdbc;

    AccountPages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public AccountPage read(AccountRange range) {
        List<AccountPage.Row> accounts = new ArrayList<>();
        jdbc.query("select a.id, a.name, a.owner_id, a.tier, a.vertical, a.live_arr from account a where "
                + range.on("a.id") + " order by a.id", rows -> {
                    accounts.add(new AccountPage.Row(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getBigDecimal(6)));
                }, range.params());
        Map<String, List<AccountPage.LiveSubscription>> subscriptions = new HashMap<>();
        Map<String, AccountPage.LatestSignal> signals = new HashMap<>();
        if (accounts.isEmpty()) {
            return new AccountPage(range, accounts, subscriptions, signals);
        }
        jdbc.query("select s.account_id, s.id, s.product, s.arr, s.end_date from subscription s where "
                + range.on("s.account_id") + " and s.status in ('ACTIVE', 'IN_RENEWAL')", rows -> {
                    Date end = rows.getDate(5);
                    subscriptions.computeIfAbsent(rows.getString(1), k -> new ArrayList<>(2)).add(
                            new AccountPage.LiveSubscription(rows.getString(2), rows.getString(3),
                                    rows.getBigDecimal(4), end == null ? null : end.toLocalDate()));
                }, range.params());
        jdbc.query("select h.account_id, h.recorded_at, h.active_users_change_pct, h.seat_utilization_pct, "
                + "h.open_escalations, h.csat from health_signal h where " + range.on("h.account_id"), rows -> {
                    Instant at = rows.getTimestamp(2).toInstant();
                    AccountPage.LatestSignal known = signals.get(rows.getString(1));
                    if (known == null || at.isAfter(known.recordedAt())) {
                        BigDecimal usage = rows.getBigDecimal(3);
                        BigDecimal seats = rows.getBigDecimal(4);
                        int escalations = rows.getInt(5);
                        Integer openEscalations = rows.wasNull() ? null : escalations;
                        signals.put(rows.getString(1), new AccountPage.LatestSignal(at, usage, seats,
                                openEscalations, rows.getBigDecimal(6)));
                    }
                }, range.params());
        return new AccountPage(range, accounts, subscriptions, signals);
    }
}
