package dev.accountflow.escalation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One step of an escalation's history, as the account manager reads it on the account page. */
@Entity
class EscalationEntry {

    @Id
    private String id;
    private String escalationId;
    @Enumerated(EnumType.STRING)
    private EntryKind kind;
    private String detail;
    private String actor;
    private Instant happenedAt;

    protected EscalationEntry() {
    }

    EscalationEntry(String escalationId, EntryKind kind, String detail, String actor, Instant happenedAt) {
        this.id = UUID.randomUUID().toString();
        this.escalationId = escalationId;
        this.kind = kind;
        this.detail = detail;
        this.actor = actor;
        this.happenedAt = happenedAt;
    }

    String getId() { return id; }
    String getEscalationId() { return escalationId; }
    EntryKind getKind() { return kind; }
    String getDetail() { return detail; }
    String getActor() { return actor; }
    Instant getHappenedAt() { return happenedAt; }
}
