package dev.accountflow.health;

import dev.accountflow.rules.AccountHealthFacts;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The facts the health rules see, for one account or a page of the book, in one statement: each child table is
 * read once for the whole page (grouped by account), never once per account.
 */
@Component
class HealthFacts {

    private final JdbcTemplate jdbc;

    HealthFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which accounts: one by id, or those after one id up to another (a page of the book in id order). */
    record Accounts(String condition, Object[] params) {

        static Accounts one(String accountId) {
            return new Accounts("= ?", new Object[] {accountId});
        }

        static Accounts all() {
            return new Accounts("is not null", new Object[0]);
        }

        static Accounts range(String afterId, String lastId) {
            return afterId == null ? new Accounts("<= ?", new Object[] {lastId})
                    : new Accounts("> ? and %s <= ?", new Object[] {afterId, lastId});
        }

        String on(String column) {
            return column + " " + condition.formatted(column);
        }
    }

    /** The next page of the book in id order: the accounts after afterId ("" for the first page), at most size. */
    Accounts nextPage(String afterId, int size) {
        String last = jdbc.queryForObject("select max(id) from (select id from account where id > ? order by id "
                + "limit ?) page", String.class, afterId, size);
        return last == null ? null : Accounts.range(afterId, last);
    }

    /** Who owns each account of a page and its live ARR, in one statement. */
    Map<String, Owned> owners(Accounts which) {
        Map<String, Owned> owned = new HashMap<>();
        jdbc.query("select a.id, a.owner_id, a.live_arr from account a where " + which.on("a.id"),
                rows -> {
                    owned.put(rows.getString(1), new Owned(rows.getString(2), rows.getBigDecimal(3)));
                }, which.params());
        return owned;
    }

    record Owned(String ownerId, BigDecimal liveArr) {
    }

    List<AccountHealthFacts> of(Accounts which, LocalDate today) {
        String sql = FACTS.replace("{account}", which.on("a.id")).replace("{subscription}", which.on("s.account_id"))
                .replace("{contact}", which.on("c.account_id")).replace("{signal}", which.on("h.account_id"))
                .replace("{opportunity}", which.on("o.account_id")).replace("{escalation}", which.on("x.account_id"));
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            params.addAll(List.of(which.params()));
        }
        return jdbc.query(sql, (rows, i) -> facts(rows, today), params.toArray());
    }

    private static AccountHealthFacts facts(ResultSet rows, LocalDate today) throws SQLException {
        AccountHealthFacts facts = new AccountHealthFacts(rows.getString("id"), rows.getString("name"));
        facts.setTier(rows.getString("tier"));
        facts.setVertical(rows.getString("vertical"));
        Date nextEnd = rows.getDate("next_end");
        if (nextEnd != null) {
            facts.setDaysToRenewal((int) ChronoUnit.DAYS.between(today, nextEnd.toLocalDate()));
            facts.setRenewalProduct(rows.getString("renewal_product"));
            facts.setRenewalArr(rows.getBigDecimal("renewal_arr"));
        }
        facts.setHasExecutiveSponsor(rows.getInt("sponsors") > 0);
        facts.setHasChampion(rows.getInt("champions") > 0);
        Timestamp sponsorLeft = rows.getTimestamp("sponsor_left");
        if (sponsorLeft != null) {
            facts.setDaysSinceSponsorLeft((int) ChronoUnit.DAYS.between(
                    sponsorLeft.toInstant().atZone(ZoneOffset.UTC).toLocalDate(), today));
        }
        int pushes = rows.getInt("close_date_pushes");
        if (!rows.wasNull()) {
            facts.setCloseDatePushes(pushes);
            facts.setSlippingOpportunity(rows.getString("slipping_name"));
            Date closeDate = rows.getDate("slipping_close");
            Date firstClose = rows.getDate("slipping_first_close");
            facts.setSlippingCloseDate(closeDate == null ? null : closeDate.toLocalDate());
            facts.setSlippingFirstCloseDate(firstClose == null ? null : firstClose.toLocalDate());
        }
        Timestamp lastEngaged = rows.getTimestamp("sponsor_engaged");
        if (lastEngaged != null) {
            facts.setDaysSinceExecutiveEngagement((int) ChronoUnit.DAYS.between(
                    lastEngaged.toInstant().atZone(ZoneOffset.UTC).toLocalDate(), today));
        }
        BigDecimal usage = rows.getBigDecimal("active_users_change_pct");
        if (usage != null) {
            facts.setActiveUsersChangePct(usage.doubleValue());
        }
        int escalations = rows.getInt("open_escalations");
        if (!rows.wasNull()) {
            facts.setOpenEscalations(escalations);
        }
        // escalations raised in AccountFlow count as well as the number a signal carried: the greater of the two
        int raised = rows.getInt("open_raised");
        facts.setOpenCustomerEscalations(raised);
        facts.setOpenEscalations(Math.max(facts.getOpenEscalations(), raised));
        Timestamp oldest = rows.getTimestamp("oldest_raised");
        if (oldest != null) {
            facts.setOldestOpenEscalationDays((int) ChronoUnit.DAYS.between(
                    oldest.toInstant().atZone(ZoneOffset.UTC).toLocalDate(), today));
        }
        facts.setWorstOpenEscalationSeverity(rows.getString("worst_severity"));
        BigDecimal csat = rows.getBigDecimal("csat");
        if (csat != null) {
            facts.setCsat(csat.doubleValue());
        }
        return facts;
    }

    // the next subscription to renew (the earliest end, the larger ARR first), current sponsors and champions (a
    // contact who left counts only as a sponsor who left), the latest signal, the open deal pushed most often
    private static final String FACTS = """
            select a.id, a.name, a.tier, a.vertical, r.next_end, r.renewal_product, r.renewal_arr, e.sponsors,
                   e.champions, e.sponsor_engaged, e.sponsor_left,
                   h.active_users_change_pct, h.open_escalations, h.csat,
                   o.close_date_pushes, o.slipping_name, o.slipping_close, o.slipping_first_close,
                   coalesce(x.open_raised, 0) as open_raised, x.oldest_raised, x.worst_severity
              from account a
              left join (select s.account_id, s.end_date as next_end, s.product as renewal_product, s.arr as renewal_arr,
                                row_number() over (partition by s.account_id order by s.end_date, s.arr desc, s.id) as soonest
                           from subscription s
                          where {subscription} and s.status in ('ACTIVE', 'IN_RENEWAL')) r
                     on r.account_id = a.id and r.soonest = 1
              left join (select c.account_id,
                                sum(case when c.role = 'EXECUTIVE_SPONSOR' and c.left_at is null then 1 else 0 end) as sponsors,
                                sum(case when c.role = 'CHAMPION' and c.left_at is null then 1 else 0 end) as champions,
                                max(case when c.role = 'EXECUTIVE_SPONSOR' and c.left_at is null
                                         then c.last_engaged_at end) as sponsor_engaged,
                                max(case when c.role = 'EXECUTIVE_SPONSOR' then c.left_at end) as sponsor_left
                           from contact c where {contact} and c.role in ('EXECUTIVE_SPONSOR', 'CHAMPION')
                          group by c.account_id) e on e.account_id = a.id
              left join (select h.account_id, h.active_users_change_pct, h.open_escalations, h.csat,
                                row_number() over (partition by h.account_id order by h.recorded_at desc) as latest
                           from health_signal h where {signal}) h on h.account_id = a.id and h.latest = 1
              left join (select o.account_id, o.close_date_pushes, o.name as slipping_name, o.close_date as slipping_close,
                                o.first_close_date as slipping_first_close,
                                row_number() over (partition by o.account_id
                                                   order by o.close_date_pushes desc, o.amount desc, o.id) as most
                           from opportunity o
                          where {opportunity} and o.closed_at is null and o.close_date_pushes > 0) o
                     on o.account_id = a.id and o.most = 1
              left join (select x.account_id, count(*) as open_raised, min(x.created_at) as oldest_raised,
                                min(x.severity) as worst_severity
                           from escalation x where {escalation} and x.status <> 'CLOSED'
                          group by x.account_id) x on x.account_id = a.id
             where {account}
             order by a.id""";
}
