package dev.accountflow.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One period of a subscription at one ARR; a renewal closes a term with its outcome and opens the next. */
@Entity
public class SubscriptionTerm {

    @Id
    private String id;
    private String subscriptionId;
    private LocalDate startDate;
    private LocalDate endDate;
    private BigDecimal arr;
    @Enumerated(EnumType.STRING)
    private SubscriptionStatus outcome;
    // the ARR of the term that followed this one (null while it runs, and after a churn): retention reads it
    private BigDecimal nextArr;
    private Instant recordedAt;

    protected SubscriptionTerm() {
    }

    SubscriptionTerm(String subscriptionId, LocalDate startDate, LocalDate endDate, BigDecimal arr) {
        this.id = UUID.randomUUID().toString();
        this.subscriptionId = subscriptionId;
        this.startDate = startDate;
        this.endDate = endDate;
        this.arr = arr;
        this.recordedAt = Instant.now();
    }

    void close(SubscriptionStatus how, BigDecimal followedAt) {
        outcome = how;
        nextArr = followedAt;
    }

    public String getId() { return id; }
    public String getSubscriptionId() { return subscriptionId; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public BigDecimal getArr() { return arr; }
    public SubscriptionStatus getOutcome() { return outcome; }
    public BigDecimal getNextArr() { return nextArr; }
    public Instant getRecordedAt() { return recordedAt; }
}
