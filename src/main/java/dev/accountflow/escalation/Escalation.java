package dev.accountflow.escalation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** A customer problem the account manager carried to a division, with the SLA it is answered within. */
@Entity
public class Escalation {

    @Id
    private String id;
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Division division;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private String summary;
    private String customerImpact;
    private String contactId;
    private String opportunityId;
    @Enumerated(EnumType.STRING)
    private EscalationStatus status;
    private String routedGroup;
    private Integer acknowledgeHours;
    private Integer resolveDays;
    private boolean tellSalesManagers;
    private Instant acknowledgeBy;
    private Instant resolveBy;
    private Instant acknowledgedAt;
    private String acknowledgedBy;
    private Instant resolvedAt;
    private String resolvedBy;
    private String resolution;
    private Instant closedAt;
    private int reopened;
    private Instant breachedAt;
    private BigDecimal hoursToAcknowledge;
    private BigDecimal hoursToResolve;
    private String raisedMonth;
    private String raisedBy;
    private Instant createdAt;
    @Version
    private long version;

    protected Escalation() {
    }

    Escalation(String accountId, Division division, Severity severity, String summary, String customerImpact,
               String contactId, String opportunityId, String raisedBy, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.division = division;
        this.severity = severity;
        this.summary = summary;
        this.customerImpact = customerImpact;
        this.contactId = contactId;
        this.opportunityId = opportunityId;
        this.raisedBy = raisedBy;
        this.createdAt = createdAt;
        this.raisedMonth = createdAt.atZone(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
        this.status = EscalationStatus.OPEN;
    }

    void routed(String group, int acknowledgeHours, int resolveDays, boolean tellSalesManagers, Instant acknowledgeBy,
                Instant resolveBy) {
        this.routedGroup = group;
        this.acknowledgeHours = acknowledgeHours;
        this.resolveDays = resolveDays;
        this.tellSalesManagers = tellSalesManagers;
        this.acknowledgeBy = acknowledgeBy;
        this.resolveBy = resolveBy;
    }

    void acknowledged(String by, Instant at, BigDecimal businessHours) {
        this.status = EscalationStatus.ACKNOWLEDGED;
        this.acknowledgedBy = by;
        this.acknowledgedAt = at;
        if (hoursToAcknowledge == null) {
            hoursToAcknowledge = businessHours;
        }
    }

    void resolved(String by, Instant at, String resolution, BigDecimal businessHours) {
        this.status = EscalationStatus.RESOLVED;
        this.resolvedBy = by;
        this.resolvedAt = at;
        this.resolution = resolution;
        if (hoursToResolve == null) {
            hoursToResolve = businessHours;
        }
    }

    /** The customer says it is not solved: the division works it again under a fresh SLA. */
    void reopened(Instant acknowledgeBy, Instant resolveBy) {
        this.status = EscalationStatus.OPEN;
        this.reopened++;
        this.acknowledgeBy = acknowledgeBy;
        this.resolveBy = resolveBy;
    }

    void closed(Instant at) {
        this.status = EscalationStatus.CLOSED;
        this.closedAt = at;
    }

    /** Marks the first breach; false when it was breached before (a job run twice, a second deadline). */
    boolean breached(Instant at) {
        if (breachedAt != null) {
            return false;
        }
        breachedAt = at;
        return true;
    }

    public String getId() { return id; }
    public String getAccountId() { return accountId; }
    public Division getDivision() { return division; }
    public Severity getSeverity() { return severity; }
    public String getSummary() { return summary; }
    public String getCustomerImpact() { return customerImpact; }
    public String getContactId() { return contactId; }
    public String getOpportunityId() { return opportunityId; }
    public EscalationStatus getStatus() { return status; }
    public String getRoutedGroup() { return routedGroup; }
    public Integer getAcknowledgeHours() { return acknowledgeHours; }
    public Integer getResolveDays() { return resolveDays; }
    public boolean isTellSalesManagers() { return tellSalesManagers; }
    public Instant getAcknowledgeBy() { return acknowledgeBy; }
    public Instant getResolveBy() { return resolveBy; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public String getAcknowledgedBy() { return acknowledgedBy; }
    public Instant getResolvedAt() { return resolvedAt; }
    public String getResolvedBy() { return resolvedBy; }
    public String getResolution() { return resolution; }
    public Instant getClosedAt() { return closedAt; }
    public int getReopened() { return reopened; }
    public Instant getBreachedAt() { return breachedAt; }
    public BigDecimal getHoursToAcknowledge() { return hoursToAcknowledge; }
    public BigDecimal getHoursToResolve() { return hoursToResolve; }
    public String getRaisedMonth() { return raisedMonth; }
    public String getRaisedBy() { return raisedBy; }
    public Instant getCreatedAt() { return createdAt; }
}
