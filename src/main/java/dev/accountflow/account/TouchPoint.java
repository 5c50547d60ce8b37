package dev.accountflow.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A meeting, call or e-mail with a contact; the latest with an executive sponsor is the account's last executive contact. */
@Entity
public class TouchPoint {

    @Id
    private String id;
    private String accountId;
    private String contactId;
    @Enumerated(EnumType.STRING)
    private TouchPointKind kind;
    private Instant occurredAt;
    private String note;
    private String recordedBy;
    private Instant recordedAt;

    protected TouchPoint() {
    }

    TouchPoint(String accountId, String contactId, TouchPointKind kind, Instant occurredAt, String note,
               String recordedBy) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.contactId = contactId;
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now();
    }

    public String getId() { return id; }
    public String getAccountId() { return accountId; }
    public String getContactId() { return contactId; }
    public TouchPointKind getKind() { return kind; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getNote() { return note; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
