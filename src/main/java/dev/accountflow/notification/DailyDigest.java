package dev.accountflow.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Notices that can wait, gathered for one mail per person per day (plain text and HTML, grouped by account), sent
 * through the outbox. A notice is held once (its dedupe key) and digested once (marked in the transaction that
 * queued the mail), so a re-run of the digest sends nothing twice.
 */
@Service
public class DailyDigest {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final IdentityService identity;
    private final TransactionTemplate tx;

    DailyDigest(JdbcTemplate jdbc, Outbox outbox, IdentityService identity, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.identity = identity;
        this.tx = tx;
    }

    /** One line for a person's next digest; false when that notice was held before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean hold(String userId, String accountId, String accountName, String text, String ruleName,
                        String dedupeKey) {
        return jdbc.update("""
                insert into digest_entry (id, recipient_user_id, account_id, account_name, text, rule_name, dedupe_key,
                                          created_at)
                select ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from digest_entry where dedupe_key = ?)""",
                UUID.randomUUID().toString(), userId, accountId, accountName, text, ruleName, dedupeKey,
                Timestamp.from(Instant.now()), dedupeKey) == 1;
    }

    /** The line for every member of a group, each under a key of their own. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int holdForGroup(String groupId, String accountId, String accountName, String text, String ruleName,
                            String dedupeKey) {
        int held = 0;
        for (User member : identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()) {
            if (hold(member.getId(), accountId, accountName, text, ruleName, dedupeKey + ":" + member.getId())) {
                held++;
            }
        }
        return held;
    }

    @Scheduled(cron = "${accountflow.notifications.digest-cron:0 0 7 * * *}", zone = "UTC")
    void sendOnSchedule() {
        send(LocalDate.now(ZoneOffset.UTC));
    }

    /** Queues one digest per person with lines waiting; returns how many digests were queued now. */
    public int send(LocalDate day) {
        List<String> people = jdbc.queryForList("select distinct recipient_user_id from digest_entry "
                + "where digested_at is null order by recipient_user_id", String.class);
        int queued = 0;
        for (String person : people) {
            if (Boolean.TRUE.equals(tx.execute(s -> sendTo(person, day)))) {
                queued++;
            }
        }
        return queued;
    }

    private boolean sendTo(String person, LocalDate day) {
        List<Map<String, Object>> lines = jdbc.queryForList("""
                select id, account_id, account_name, text, rule_name from digest_entry
                 where recipient_user_id = ? and digested_at is null
                 order by account_name, created_at, id""", person);
        if (lines.isEmpty()) {
            return false;
        }
        Map<String, List<Map<String, Object>>> byAccount = new LinkedHashMap<>();
        lines.forEach(l -> byAccount.computeIfAbsent((String) l.get("account_name"), k -> new ArrayList<>()).add(l));
        String date = dev.accountflow.money.SalesDates.format(day);
        StringBuilder text = new StringBuilder("Your AccountFlow digest for " + date + "\n");
        StringBuilder html = new StringBuilder("<h1>Your AccountFlow digest for " + HtmlUtils.htmlEscape(date) + "</h1>");
        byAccount.forEach((account, notices) -> {
            text.append("\n").append(account).append("\n");
            html.append("<h2>").append(HtmlUtils.htmlEscape(account)).append("</h2><ul>");
            for (Map<String, Object> notice : notices) {
                text.append("- ").append(notice.get("text")).append(" (rule: ").append(notice.get("rule_name"))
                        .append(")\n");
                html.append("<li>").append(HtmlUtils.htmlEscape((String) notice.get("text")))
                        .append(" <small>(rule: ").append(HtmlUtils.htmlEscape((String) notice.get("rule_name")))
                        .append(")</small></li>");
            }
            html.append("</ul>");
        });
        // the first waiting line names the digest: a second run over the same lines is refused by the outbox
        String firstLine = (String) lines.stream().map(l -> (String) l.get("id")).sorted().findFirst().orElseThrow();
        Notice digest = new Notice("daily-digest", "AccountFlow digest for " + date + ": " + byAccount.size()
                + (byAccount.size() == 1 ? " account" : " accounts"), text.toString(),
                "digest:" + person + ":" + day + ":" + firstLine, "The notification rules held " + lines.size()
                + " notice(s) for your daily digest", null, html.toString());
        boolean queued = outbox.notifyUser(person, digest);
        jdbc.update("update digest_entry set digested_at = ? where recipient_user_id = ? and digested_at is null "
                + "and id in (" + String.join(",", java.util.Collections.nCopies(lines.size(), "?")) + ")",
                args(Timestamp.from(Instant.now()), person, lines));
        return queued;
    }

    private static Object[] args(Timestamp now, String person, List<Map<String, Object>> lines) {
        List<Object> args = new ArrayList<>(List.of(now, person));
        lines.forEach(l -> args.add(l.get("id")));
        return args.toArray();
    }
}
