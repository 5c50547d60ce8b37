package dev.accountflow.health;

import dev.accountflow.notification.RuleDecidedNotices;
import dev.accountflow.rules.AccountHealthFacts;
import dev.accountflow.rules.Decided;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.rules.NoticeDecision;
import dev.accountflow.rules.NoticeFacts;
import dev.accountflow.rules.RuleBook;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people about flags just raised, as the notifications rule table decides: at once through the outbox, or a
 * line in their daily digest. Keys carry the flag's id, so the same raise is never told twice; a relapse is a new
 * flag and is told again.
 */
@Component
class HealthNotices {

    static final String TURNED_RED = "TURNED_RED";
    static final String FLAG_RAISED = "FLAG_RAISED";

    private final RuleBook rules;
    private final DecisionLog decisions;
    private final RuleDecidedNotices notices;
    private final JdbcTemplate jdbc;

    HealthNotices(RuleBook rules, DecisionLog decisions, RuleDecidedNotices notices, JdbcTemplate jdbc) {
        this.rules = rules;
        this.decisions = decisions;
        this.notices = notices;
        this.jdbc = jdbc;
    }

    /** The flags one account gained in one assessment, and whether the account turned red with them. */
    record Raised(AccountHealthFacts account, List<RiskFlag> flags, RiskFlag turnedRedBy) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void tell(List<Raised> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, Owner> owners = owners(changes.stream().map(c -> c.account().getAccountId()).toList());
        for (Raised change : changes) {
            Owner owner = owners.get(change.account().getAccountId());
            if (change.turnedRedBy() != null) {
                tell(change.account(), owner, TURNED_RED, change.turnedRedBy());
            }
            for (RiskFlag flag : change.flags()) {
                tell(change.account(), owner, FLAG_RAISED, flag);
            }
        }
    }

    private void tell(AccountHealthFacts account, Owner owner, String event, RiskFlag flag) {
        NoticeFacts facts = new NoticeFacts();
        facts.setEvent(event);
        facts.setAccountId(account.getAccountId());
        facts.setAccountName(account.getAccountName());
        facts.setTier(account.getTier());
        facts.setSeverity(flag.getSeverity());
        facts.setArr(owner == null ? BigDecimal.ZERO : owner.arr());
        facts.setFlagCode(flag.getCode());
        facts.setFlagReason(flag.getReason());
        Decided<NoticeDecision> decided = rules.decideNotices(facts);
        if (decided.decision().getTold().isEmpty()) {
            return;
        }
        String decisionId = decisions.record(RuleBook.NOTIFICATIONS, "risk-flag", flag.getId(), decided.run(), facts,
                decided.decision().getTold());
        String key = "health:" + flag.getId() + ":" + event;
        notices.deliver(decided.decision(), decisionId, new RuleDecidedNotices.About("health-"
                + event.toLowerCase(Locale.ROOT).replace('_', '-'), subject(event, account), account.getAccountId(),
                account.getAccountName(), key, null), owner == null ? null : owner.userId());
    }

    private static String subject(String event, AccountHealthFacts account) {
        return TURNED_RED.equals(event) ? account.getAccountName() + " turned red"
                : "New risk flag on " + account.getAccountName();
    }

    /** Owner and live ARR of the accounts that changed, in one statement. */
    private Map<String, Owner> owners(List<String> accountIds) {
        Map<String, Owner> owners = new HashMap<>();
        jdbc.query("select id, owner_id, live_arr from account where id in ("
                + String.join(",", Collections.nCopies(accountIds.size(), "?")) + ")", rows -> {
                    owners.put(rows.getString("id"), new Owner(rows.getString("owner_id"), rows.getBigDecimal("live_arr")));
                }, accountIds.toArray());
        return owners;
    }

    private record Owner(String userId, BigDecimal arr) {
    }
}
