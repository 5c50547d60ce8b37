package dev.accountflow.renewal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A renewal quote as the server computed it from the proposed and the current ARR, and the manager's answer. */
@Entity
class RenewalQuote {

    @Id
    private String id;
    private String subscriptionId;
    private String processInstanceId;
    private BigDecimal currentArr;
    private BigDecimal proposedArr;
    private int termMonths;
    private BigDecimal discountPct;
    private boolean approvalRequired;
    private String approvalReason;
    private Boolean approved;
    private String approvedBy;
    private String approvalComment;
    private Instant createdAt;

    protected RenewalQuote() {
    }

    RenewalQuote(String subscriptionId, String processInstanceId, BigDecimal currentArr, BigDecimal proposedArr,
                 int termMonths, BigDecimal discountPct) {
        this.id = UUID.randomUUID().toString();
        this.subscriptionId = subscriptionId;
        this.processInstanceId = processInstanceId;
        this.currentArr = currentArr;
        this.proposedArr = proposedArr;
        this.termMonths = termMonths;
        this.discountPct = discountPct;
        this.createdAt = Instant.now();
    }

    void decide(boolean required, String reason) {
        approvalRequired = required;
        approvalReason = reason;
    }

    void answer(boolean granted, String manager, String comment) {
        approved = granted;
        approvedBy = manager;
        approvalComment = comment;
    }

    /** Agreed when the rules did not ask for approval, or a manager gave it. */
    boolean agreed() {
        return !approvalRequired || Boolean.TRUE.equals(approved);
    }

    String getId() { return id; }
    String getSubscriptionId() { return subscriptionId; }
    String getProcessInstanceId() { return processInstanceId; }
    BigDecimal getCurrentArr() { return currentArr; }
    BigDecimal getProposedArr() { return proposedArr; }
    int getTermMonths() { return termMonths; }
    BigDecimal getDiscountPct() { return discountPct; }
    boolean isApprovalRequired() { return approvalRequired; }
    String getApprovalReason() { return approvalReason; }
    Boolean getApproved() { return approved; }
    String getApprovedBy() { return approvedBy; }
    String getApprovalComment() { return approvalComment; }
    Instant getCreatedAt() { return createdAt; }
}
