package dev.accountflow.expansion;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * A next deal the expansion-signals table found inside an account: open until the rep accepts it (an EXPANSION
 * opportunity) or dismisses it (hidden for the row's quiet period), or until the signal no longer holds.
 */
@Entity
public class ExpansionSuggestion implements Persistable<String> {

    /** Where a suggestion stands. */
    public enum Status { OPEN, ACCEPTED, DISMISSED, WITHDRAWN }

    @Id
    private String id;
    // assigned here, so Spring Data cannot tell a new row by its id: inserted without a select first
    @Transient
    private boolean fresh;
    private String accountId;
    private String kind;
    private String product;
    private String reason;
    private BigDecimal estimatedAmount;
    private String ruleRow;
    private int ruleSetVersion;
    private int quietDays;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;
    private String openKey;
    private String decisionId;
    private Instant suggestedAt;
    private Instant decidedAt;
    private String decidedBy;
    private String dismissReason;
    private LocalDate hiddenUntil;
    private String opportunityId;
    @Version
    private long version;

    protected ExpansionSuggestion() {
    }

    ExpansionSuggestion(ExpansionFindings.Suggested s, int ruleSetVersion, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.fresh = true;
        this.accountId = s.getFacts().getAccountId();
        this.kind = s.getKind();
        this.product = s.getFacts().getProduct();
        this.reason = s.getReason().length() > 1000 ? s.getReason().substring(0, 999) + "…" : s.getReason();
        this.estimatedAmount = s.getEstimatedAmount();
        this.ruleRow = s.getRuleName();
        this.ruleSetVersion = ruleSetVersion;
        this.quietDays = s.getQuietDays();
        this.status = Status.OPEN;
        this.openKey = s.key();
        this.suggestedAt = now;
    }

    void decidedBy(String decisionId) {
        this.decisionId = decisionId;
    }

    void accept(String opportunityId, String by, Instant at) {
        this.status = Status.ACCEPTED;
        this.opportunityId = opportunityId;
        this.decidedBy = by;
        this.decidedAt = at;
        this.openKey = null;
    }

    void dismiss(String reason, LocalDate hiddenUntil, String by, Instant at) {
        this.status = Status.DISMISSED;
        this.dismissReason = reason;
        this.hiddenUntil = hiddenUntil;
        this.decidedBy = by;
        this.decidedAt = at;
        this.openKey = null;
    }

    void withdraw(Instant at) {
        this.status = Status.WITHDRAWN;
        this.decidedAt = at;
        this.openKey = null;
    }

    String key() {
        return accountId + "|" + kind + "|" + product;
    }

    public String getId() { return id; }
    public String getAccountId() { return accountId; }
    public String getKind() { return kind; }
    public String getProduct() { return product; }
    public String getReason() { return reason; }
    public BigDecimal getEstimatedAmount() { return estimatedAmount; }
    public String getRuleRow() { return ruleRow; }
    public int getRuleSetVersion() { return ruleSetVersion; }
    public int getQuietDays() { return quietDays; }
    public Status getStatus() { return status; }
    public String getDecisionId() { return decisionId; }
    public Instant getSuggestedAt() { return suggestedAt; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecidedBy() { return decidedBy; }
    public String getDismissReason() { return dismissReason; }
    public LocalDate getHiddenUntil() { return hiddenUntil; }
    public String getOpportunityId() { return opportunityId; }

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
