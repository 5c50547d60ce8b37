package dev.accountflow.health;

import dev.accountflow.account.AccountPage;
import dev.accountflow.account.AccountPages;
import dev.accountflow.account.AccountRange;
import dev.accountflow.rules.AccountHealthFacts;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The facts the health rules see, for one account or a page of the book: each child table is read once for the whole
 * page in a range scan by account id (never once per account), and the facts are put together here, so the database
 * streams rows instead of sorting and grouping them.
 */
@Component
class HealthFacts {

    private final JdbcTemplate jdbc;
    private final AccountPages pages;

    HealthFacts(JdbcTemplate jdbc, AccountPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    /** The next page of the book in id order: the accounts after afterId ("" for the first page), at most size. */
    AccountRange nextPage(String afterId, int size) {
        String last = jdbc.queryForObject("select max(id) from (select id from account where id > ? order by id "
                + "limit ?) page", String.class, afterId, size);
        return last == null ? null : AccountRange.page(afterId, last);
    }

    List<AccountHealthFacts> of(AccountRange which, LocalDate today) {
        return of(pages.read(which), today);
    }

    /**
     * The health facts of a page read once for the whole sweep (accounts, live subscriptions, latest signals) with
     * the three tables only health reads: sponsors and champions, pushed deals and open customer escalations.
     */
    List<AccountHealthFacts> of(AccountPage read, LocalDate today) {
        if (read.isEmpty()) {
            return List.of();
        }
        AccountRange which = read.range();
        Map<String, Gathered> page = new LinkedHashMap<>();
        for (AccountPage.Row row : read.accounts()) {
            AccountHealthFacts facts = new AccountHealthFacts(row.id(), row.name());
            facts.setTier(row.tier());
            facts.setVertical(row.vertical());
            Gathered account = new Gathered(facts);
            read.subscriptions(row.id()).forEach(account::subscription);
            account.signal(read.signal(row.id()));
            page.put(row.id(), account);
        }
        // current sponsors and champions; a contact who left counts only as a sponsor who left
        jdbc.query("select c.account_id, c.role, c.last_engaged_at, c.left_at from contact c where "
                + which.on("c.account_id") + " and c.role in ('EXECUTIVE_SPONSOR', 'CHAMPION')", rows -> {
                    Gathered account = page.get(rows.getString(1));
                    if (account != null) {
                        account.contact(rows.getString(2), rows.getTimestamp(3), rows.getTimestamp(4));
                    }
                }, which.params());
        // the open deal pushed most often (the larger amount first, then the id)
        jdbc.query("select o.account_id, o.id, o.close_date_pushes, o.amount, o.name, o.close_date, o.first_close_date "
                + "from opportunity o where " + which.on("o.account_id")
                + " and o.closed_at is null and o.close_date_pushes > 0", rows -> {
                    Gathered account = page.get(rows.getString(1));
                    if (account != null) {
                        account.pushed(rows.getString(2), rows.getInt(3), rows.getBigDecimal(4), rows.getString(5),
                                rows.getDate(6), rows.getDate(7));
                    }
                }, which.params());
        // customer escalations raised in AccountFlow and not closed
        jdbc.query("select x.account_id, x.created_at, x.severity from escalation x where " + which.on("x.account_id")
                + " and x.status <> 'CLOSED'", rows -> {
                    Gathered account = page.get(rows.getString(1));
                    if (account != null) {
                        account.escalation(rows.getTimestamp(2), rows.getString(3));
                    }
                }, which.params());
        List<AccountHealthFacts> facts = new ArrayList<>(page.size());
        for (Gathered account : page.values()) {
            facts.add(account.facts(today));
        }
        return facts;
    }

    /** One account of the page and what its children's rows said, as the page's scans pass by. */
    private static final class Gathered {

        private final AccountHealthFacts facts;
        private AccountPage.LiveSubscription renewal;
        private int sponsors;
        private int champions;
        private Timestamp sponsorEngaged;
        private Timestamp sponsorLeft;
        private AccountPage.LatestSignal signal;
        private String pushedId;
        private int pushes;
        private BigDecimal pushedAmount;
        private String pushedName;
        private Date pushedClose;
        private Date pushedFirstClose;
        private int raised;
        private Timestamp oldestRaised;
        private String worstSeverity;

        Gathered(AccountHealthFacts facts) {
            this.facts = facts;
        }

        // the next subscription to renew: the earliest end (none last), the larger ARR first, then the id
        void subscription(AccountPage.LiveSubscription s) {
            boolean sooner = renewal == null || compareNullsLast(s.endDate(), renewal.endDate()) < 0
                    || (compareNullsLast(s.endDate(), renewal.endDate()) == 0
                    && (compareNullsFirstDesc(s.arr(), renewal.arr()) < 0
                    || (compareNullsFirstDesc(s.arr(), renewal.arr()) == 0 && s.id().compareTo(renewal.id()) < 0)));
            if (sooner) {
                renewal = s;
            }
        }

        void contact(String role, Timestamp lastEngaged, Timestamp leftAt) {
            boolean sponsor = "EXECUTIVE_SPONSOR".equals(role);
            if (leftAt == null) {
                if (sponsor) {
                    sponsors++;
                    sponsorEngaged = later(sponsorEngaged, lastEngaged);
                } else {
                    champions++;
                }
            } else if (sponsor) {
                sponsorLeft = later(sponsorLeft, leftAt);
            }
        }

        void signal(AccountPage.LatestSignal signal) {
            this.signal = signal;
        }

        void pushed(String id, int pushes, BigDecimal amount, String name, Date close, Date firstClose) {
            boolean more = pushedId == null || pushes > this.pushes || (pushes == this.pushes
                    && (compareNullsFirstDesc(amount, pushedAmount) < 0
                    || (compareNullsFirstDesc(amount, pushedAmount) == 0 && id.compareTo(pushedId) < 0)));
            if (more) {
                pushedId = id;
                this.pushes = pushes;
                pushedAmount = amount;
                pushedName = name;
                pushedClose = close;
                pushedFirstClose = firstClose;
            }
        }

        void escalation(Timestamp createdAt, String severity) {
            raised++;
            if (createdAt != null && (oldestRaised == null || createdAt.before(oldestRaised))) {
                oldestRaised = createdAt;
            }
            if (severity != null && (worstSeverity == null || severity.compareTo(worstSeverity) < 0)) {
                worstSeverity = severity;
            }
        }

        AccountHealthFacts facts(LocalDate today) {
            if (renewal != null && renewal.endDate() != null) {
                facts.setDaysToRenewal((int) ChronoUnit.DAYS.between(today, renewal.endDate()));
                facts.setRenewalProduct(renewal.product());
                facts.setRenewalArr(renewal.arr());
            }
            facts.setHasExecutiveSponsor(sponsors > 0);
            facts.setHasChampion(champions > 0);
            if (sponsorLeft != null) {
                facts.setDaysSinceSponsorLeft(daysSince(sponsorLeft, today));
            }
            if (pushedId != null) {
                facts.setCloseDatePushes(pushes);
                facts.setSlippingOpportunity(pushedName);
                facts.setSlippingCloseDate(pushedClose == null ? null : pushedClose.toLocalDate());
                facts.setSlippingFirstCloseDate(pushedFirstClose == null ? null : pushedFirstClose.toLocalDate());
            }
            if (sponsorEngaged != null) {
                facts.setDaysSinceExecutiveEngagement(daysSince(sponsorEngaged, today));
            }
            if (signal != null && signal.activeUsersChangePct() != null) {
                facts.setActiveUsersChangePct(signal.activeUsersChangePct().doubleValue());
            }
            if (signal != null && signal.openEscalations() != null) {
                facts.setOpenEscalations(signal.openEscalations());
            }
            // escalations raised in AccountFlow count as well as the number a signal carried: the greater of the two
            facts.setOpenCustomerEscalations(raised);
            facts.setOpenEscalations(Math.max(facts.getOpenEscalations(), raised));
            if (oldestRaised != null) {
                facts.setOldestOpenEscalationDays(daysSince(oldestRaised, today));
            }
            facts.setWorstOpenEscalationSeverity(worstSeverity);
            if (signal != null && signal.csat() != null) {
                facts.setCsat(signal.csat().doubleValue());
            }
            return facts;
        }

        private static int daysSince(Timestamp at, LocalDate today) {
            return (int) ChronoUnit.DAYS.between(at.toInstant().atZone(ZoneOffset.UTC).toLocalDate(), today);
        }

        private static Timestamp later(Timestamp a, Timestamp b) {
            return a == null ? b : b == null || !b.after(a) ? a : b;
        }

        // ascending with nulls last, as the database orders end dates
        private static int compareNullsLast(LocalDate a, LocalDate b) {
            return a == null ? (b == null ? 0 : 1) : b == null ? -1 : a.compareTo(b);
        }

        // descending with nulls first, as the database orders "arr desc"
        private static int compareNullsFirstDesc(BigDecimal a, BigDecimal b) {
            return a == null ? (b == null ? 0 : -1) : b == null ? 1 : b.compareTo(a);
        }
    }
}
