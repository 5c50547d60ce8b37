package dev.accountflow.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Transient;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostLoad;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.springframework.data.domain.Persistable;
import java.time.Instant;
import java.util.UUID;

/** One e-mail in the outbox. Written in the transaction of the decision that causes it. */
@Entity
public class Notification implements Persistable<String> {

    @Id
    private String id;
    // assigned here, so Spring Data cannot tell a new row by its id: inserted without a select first
    @Transient
    private boolean fresh;
    private String recipientUserId;
    private String recipientEmail;
    private String template;
    private String subject;
    private String body;
    private String dedupeKey;
    @Enumerated(EnumType.STRING)
    private NotificationStatus status;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant claimedUntil;
    private String lastError;
    private String reason;
    // the digest's HTML alternative; null for a plain-text notice
    private String htmlBody;
    private String decisionId;
    private Instant createdAt;
    private Instant sentAt;
    @Version
    private long version;

    protected Notification() {
    }

    Notification(String recipientUserId, String recipientEmail, Notice notice) {
        this.id = UUID.randomUUID().toString();
        this.fresh = true;
        this.recipientUserId = recipientUserId;
        this.recipientEmail = recipientEmail;
        this.template = notice.template();
        this.subject = notice.subject();
        this.body = notice.body();
        this.htmlBody = notice.htmlBody();
        this.dedupeKey = notice.dedupeKey();
        this.reason = notice.reason();
        this.decisionId = notice.decisionId();
        this.status = NotificationStatus.PENDING;
        this.createdAt = Instant.now();
        this.nextAttemptAt = createdAt;
    }

    void sent(Instant at) {
        status = NotificationStatus.SENT;
        attempts++;
        sentAt = at;
        claimedUntil = null;
        lastError = null;
    }

    void failed(String error, Instant retryAt, boolean giveUp) {
        attempts++;
        lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        claimedUntil = null;
        if (giveUp) {
            status = NotificationStatus.FAILED;
        } else {
            nextAttemptAt = retryAt;
        }
    }

    public String getId() { return id; }
    public String getRecipientUserId() { return recipientUserId; }
    public String getRecipientEmail() { return recipientEmail; }
    public String getTemplate() { return template; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getDedupeKey() { return dedupeKey; }
    public NotificationStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public String getReason() { return reason; }
    public String getDecisionId() { return decisionId; }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    public String getHtmlBody() {
        return htmlBody;
    }
}
