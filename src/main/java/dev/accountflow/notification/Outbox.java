package dev.accountflow.notification;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues e-mails in the caller's transaction: a rolled-back decision leaves no mail behind, and the dedupe key
 * stops the same notice from going out twice.
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    // an address changed in Admin is used within a minute
    private static final long ADDRESS_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

    private final Map<String, KnownAddress> addresses = new ConcurrentHashMap<>();
    private final NotificationRepository notifications;
    private final IdentityService identity;

    Outbox(NotificationRepository notifications, IdentityService identity) {
        this.notifications = notifications;
        this.identity = identity;
    }

    /** Queues a notice to one user; returns false when it was queued before (same dedupe key) or they have no e-mail. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean notifyUser(String userId, Notice notice) {
        if (notifications.existsByDedupeKey(notice.dedupeKey())) {
            return false;
        }
        Optional<String> email = emailOf(userId);
        if (email.isEmpty()) {
            log.warn("No e-mail address for user '{}': notice '{}' not queued", userId, notice.dedupeKey());
            return false;
        }
        notifications.save(new Notification(userId, email.get(), notice));
        return true;
    }

    /** Queues a notice to someone outside the team (a customer's contact) by address; false when queued before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean notifyAddress(String email, Notice notice) {
        return notifyAddress(null, email, notice);
    }

    /** Queues a notice to someone outside the team (a partner's or customer's contact), named for the outbox page. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean notifyAddress(String recipient, String email, Notice notice) {
        if (email == null || email.isBlank() || notifications.existsByDedupeKey(notice.dedupeKey())) {
            return false;
        }
        notifications.save(new Notification(recipient, email, notice));
        return true;
    }

    /** Queues the notice to every member of a group, one row each; returns how many were queued now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int notifyGroup(String groupId, Notice notice) {
        int queued = 0;
        for (User member : identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()) {
            if (notifyUser(member.getId(), notice.forMember(member.getId()))) {
                queued++;
            }
        }
        return queued;
    }

    @Transactional(readOnly = true)
    public List<Notification> queuedWithKeyPrefix(String prefix) {
        return notifications.findByDedupeKeyStartingWith(prefix);
    }

    private Optional<String> emailOf(String userId) {
        long now = System.nanoTime();
        KnownAddress known = addresses.get(userId);
        if (known == null || now - known.readAt() > ADDRESS_TTL_NANOS) {
            User user = identity.createUserQuery().userId(userId).singleResult();
            known = new KnownAddress(Optional.ofNullable(user).map(User::getEmail).filter(e -> !e.isBlank()), now);
            addresses.put(userId, known);
        }
        return known.email();
    }

    /** A user's address as read from the identity service; a kick-off notifies the same few owners thousands of times. */
    private record KnownAddress(Optional<String> email, long readAt) {
    }
}
