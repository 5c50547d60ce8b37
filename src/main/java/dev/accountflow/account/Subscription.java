package dev.accountflow.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;

@Entity
public class Subscription {

    @Id
    private String id;
    private String accountId;
    private String product;
    private BigDecimal arr;
    private LocalDate startDate;
    private LocalDate endDate;
    @Enumerated(EnumType.STRING)
    private SubscriptionStatus status;
    private String churnReason;
    @Version
    private long version;

    protected Subscription() {
    }

    public Subscription(String accountId, String product, BigDecimal arr, LocalDate startDate, LocalDate endDate) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.product = product;
        // money has cents: more decimals are refused at the door, never rounded here
        this.arr = arr.setScale(2, RoundingMode.UNNECESSARY);
        this.startDate = startDate;
        this.endDate = endDate;
        this.status = SubscriptionStatus.ACTIVE;
    }

    void enterRenewal() {
        status = SubscriptionStatus.IN_RENEWAL;
    }

    void churn(String reason) {
        status = SubscriptionStatus.CHURNED;
        churnReason = reason;
    }

    /** The next term begins: new dates and ARR, and the kick-off sees the subscription again when it nears its end. */
    void startTerm(LocalDate start, LocalDate end, BigDecimal newArr) {
        startDate = start;
        endDate = end;
        arr = newArr;
        status = SubscriptionStatus.ACTIVE;
    }

    /** A renewal ended without an outcome (cancelled, deleted): the next kick-off may start one again. */
    boolean leaveRenewal() {
        if (status != SubscriptionStatus.IN_RENEWAL) {
            return false;
        }
        status = SubscriptionStatus.ACTIVE;
        return true;
    }

    public String getId() { return id; }
    public String getAccountId() { return accountId; }
    public String getProduct() { return product; }
    public BigDecimal getArr() { return arr; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public SubscriptionStatus getStatus() { return status; }
    public String getChurnReason() { return churnReason; }
}
