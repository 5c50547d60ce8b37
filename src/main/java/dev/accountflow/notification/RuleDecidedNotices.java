package dev.accountflow.notification;

import dev.accountflow.rules.NoticeDecision;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the people a notifications-rule decision names, in the caller's transaction: "now" through the outbox, else
 * a line in their daily digest. Each notice says which row of the notifications table sent it; keys stop it twice.
 */
@Component
public class RuleDecidedNotices {

    private final Outbox outbox;
    private final DailyDigest digest;

    RuleDecidedNotices(Outbox outbox, DailyDigest digest) {
        this.outbox = outbox;
        this.digest = digest;
    }

    /**
     * What one change is about: the mail template and subject for urgent notices, the account for the digest, the
     * key that makes it one notice per recipient, and details an urgent mail adds after the rule's sentence.
     */
    public record About(String template, String subject, String accountId, String accountName, String key,
                        String details) {
    }

    /** Delivers each "tell" of the decision; OWNER is skipped for an account without one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deliver(NoticeDecision decision, String decisionId, About about, String ownerId) {
        for (NoticeDecision.Tell tell : decision.getTold()) {
            boolean toOwner = "OWNER".equals(tell.recipient());
            if (toOwner && ownerId == null) {
                continue;
            }
            String group = tell.recipient().toLowerCase(Locale.ROOT).replace('_', '-');
            if (NoticeDecision.NOW.equals(tell.timing())) {
                Notice notice = new Notice(about.template(), about.subject(), tell.reason()
                        + (about.details() == null ? "" : "\n\n" + about.details())
                        + "\n\nWhy you hear of it: rule '" + tell.ruleName() + "' of the notifications table.",
                        about.key() + ":" + tell.recipient(), tell.reason(), decisionId);
                if (toOwner) {
                    outbox.notifyUser(ownerId, notice);
                } else {
                    outbox.notifyGroup(group, notice);
                }
            } else if (toOwner) {
                digest.hold(ownerId, about.accountId(), about.accountName(), tell.reason(), tell.ruleName(),
                        about.key() + ":" + ownerId);
            } else {
                digest.holdForGroup(group, about.accountId(), about.accountName(), tell.reason(), tell.ruleName(),
                        about.key());
            }
        }
    }
}
