package dev.accountflow.featurerequest;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One account's request for a feature; a duplicate carries its master's id and shares the master's review. */
@Entity
public class FeatureRequest {

    @Id
    private String id;
    private String accountId;
    private String contactId;
    private String title;
    private String description;
    @Enumerated(EnumType.STRING)
    private ProductArea productArea;
    @Enumerated(EnumType.STRING)
    private BusinessImpact businessImpact;
    private String opportunityId;
    private String masterId;
    @Enumerated(EnumType.STRING)
    private FeatureRequestStatus status;
    private String pmGroup;
    private String priority;
    private Integer slaBusinessDays;
    private BigDecimal arrAtStake;
    private int requestingAccounts;
    private String decisionNote;
    private String targetRelease;
    private String decidedBy;
    private boolean customerReleased;
    private String requestedBy;
    private Instant createdAt;
    private Instant decidedAt;
    private Instant shippedAt;
    private String product;
    @Version
    private long version;

    protected FeatureRequest() {
    }

    FeatureRequest(String accountId, String contactId, String title, String description, ProductArea productArea,
                   BusinessImpact businessImpact, String opportunityId, String requestedBy, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.contactId = contactId;
        this.title = title;
        this.description = description;
        this.productArea = productArea;
        this.businessImpact = businessImpact;
        this.opportunityId = opportunityId;
        this.requestedBy = requestedBy;
        this.createdAt = createdAt;
        this.status = FeatureRequestStatus.SUBMITTED;
        this.arrAtStake = BigDecimal.ZERO;
        this.requestingAccounts = 1;
    }

    void linkTo(FeatureRequest master) {
        this.masterId = master.getId();
        this.status = master.getStatus();
        this.pmGroup = master.getPmGroup();
        this.priority = master.getPriority();
    }

    void routed(String pmGroup, String priority, int slaBusinessDays) {
        this.pmGroup = pmGroup;
        this.priority = priority;
        this.slaBusinessDays = slaBusinessDays;
        this.status = FeatureRequestStatus.UNDER_REVIEW;
    }

    void reprioritised(String priority) {
        this.priority = priority;
    }

    void atStake(BigDecimal arr, int accounts) {
        this.arrAtStake = arr;
        this.requestingAccounts = accounts;
    }

    void decided(FeatureRequestStatus status, String note, String targetRelease, String decidedBy, Instant at) {
        this.status = status;
        this.decisionNote = note;
        this.targetRelease = targetRelease;
        this.decidedBy = decidedBy;
        this.decidedAt = at;
        this.customerReleased = false;
    }

    void backUnderReview() {
        this.status = FeatureRequestStatus.UNDER_REVIEW;
    }

    void releasedToCustomer() {
        this.customerReleased = true;
    }

    void shipped(Instant at) {
        this.status = FeatureRequestStatus.SHIPPED;
        this.shippedAt = at;
    }

    public String getId() { return id; }
    public String getAccountId() { return accountId; }
    public String getContactId() { return contactId; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public ProductArea getProductArea() { return productArea; }
    public String getProduct() { return product; }

    void aboutProduct(String product) {
        this.product = product;
    }

    public BusinessImpact getBusinessImpact() { return businessImpact; }
    public String getOpportunityId() { return opportunityId; }
    public String getMasterId() { return masterId; }
    public FeatureRequestStatus getStatus() { return status; }
    public String getPmGroup() { return pmGroup; }
    public String getPriority() { return priority; }
    public Integer getSlaBusinessDays() { return slaBusinessDays; }
    public BigDecimal getArrAtStake() { return arrAtStake; }
    public int getRequestingAccounts() { return requestingAccounts; }
    public String getDecisionNote() { return decisionNote; }
    public String getTargetRelease() { return targetRelease; }
    public String getDecidedBy() { return decidedBy; }
    public boolean isCustomerReleased() { return customerReleased; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getDecidedAt() { return decidedAt; }
    public Instant getShippedAt() { return shippedAt; }
}
