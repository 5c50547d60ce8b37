package dev.accountflow.health;

import jakarta.persistence.Entity;
import jakarta.persistence.Transient;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Id;
import org.springframework.data.domain.Persistable;
import java.time.Instant;
import java.util.UUID;

/** Why an account is at risk, raised by a health rule; at most one open flag per (account, code). */
@Entity
public class RiskFlag implements Persistable<String> {

    @Id
    private String id;
    // assigned here, so Spring Data cannot tell a new row by its id: inserted without a select first
    @Transient
    private boolean fresh;
    private String accountId;
    private String code;
    private String severity;
    private String reason;
    private String ruleName;
    private Instant raisedAt;
    private Instant resolvedAt;
    private String openKey;
    private String decisionId;

    protected RiskFlag() {
    }

    RiskFlag(String accountId, String code, String severity, String reason, String ruleName, String decisionId) {
        this.decisionId = decisionId;
        this.id = UUID.randomUUID().toString();
        this.fresh = true;
        this.accountId = accountId;
        this.code = code;
        this.severity = severity;
        this.reason = reason;
        this.ruleName = ruleName;
        this.raisedAt = Instant.now();
        this.openKey = openKey(accountId, code);
    }

    static String openKey(String accountId, String code) {
        return accountId + ":" + code;
    }

    /** The same flag seen again: keep it open, with the latest reason and severity. */
    void refresh(String severity, String reason, String ruleName, String decisionId) {
        this.decisionId = decisionId;
        this.severity = severity;
        this.reason = reason;
        this.ruleName = ruleName;
    }

    void resolve() {
        resolvedAt = Instant.now();
        openKey = null;
    }

    public String getId() { return id; }
    public String getAccountId() { return accountId; }
    public String getCode() { return code; }
    public String getSeverity() { return severity; }
    public String getReason() { return reason; }
    public String getRuleName() { return ruleName; }
    public Instant getRaisedAt() { return raisedAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public boolean isOpen() { return resolvedAt == null; }
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
}
