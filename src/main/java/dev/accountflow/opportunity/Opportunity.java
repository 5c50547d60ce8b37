package dev.accountflow.opportunity;

import jakarta.persistence.Entity;
import jakarta.persistence.Transient;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostLoad;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.springframework.data.domain.Persistable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
public class Opportunity implements Persistable<String> {

    @Id
    private String id;
    // assigned here, so Spring Data cannot tell a new row by its id: inserted without a select first
    @Transient
    private boolean fresh;
    private String accountId;
    private String subscriptionId;
    private String name;
    @Enumerated(EnumType.STRING)
    private OpportunityType type;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    private BigDecimal amount;
    private LocalDate closeDate;
    private int probability;
    @Enumerated(EnumType.STRING)
    private ForecastCategory forecastCategory;
    private String ownerId;
    private String lossReason;
    private String processInstanceId;
    private Instant createdAt;
    private Instant closedAt;
    private String product;
    private String partnerId;
    private Instant seContributedAt;
    private Instant complianceReviewedAt;
    private String assistanceNotes;
    private BigDecimal servicesEstimate;
    private String gateReasons;
    private int closeDatePushes;
    private LocalDate firstCloseDate;
    @Version
    private long version;

    protected Opportunity() {
    }

    Opportunity(String accountId, String subscriptionId, String name, OpportunityType type, Stage stage,
                BigDecimal amount, LocalDate closeDate, int probability, ForecastCategory forecastCategory,
                String ownerId) {
        this.id = UUID.randomUUID().toString();
        this.fresh = true;
        this.accountId = accountId;
        this.subscriptionId = subscriptionId;
        this.name = name;
        this.type = type;
        this.stage = stage;
        this.amount = amount;
        this.closeDate = closeDate;
        this.probability = probability;
        this.forecastCategory = forecastCategory;
        this.ownerId = ownerId;
        this.createdAt = Instant.now();
    }

    static Opportunity growth(String accountId, String name, OpportunityType type, String product, BigDecimal amount,
                              LocalDate closeDate, String partnerId, String ownerId, StageForecast qualify) {
        Opportunity o = new Opportunity(accountId, null, name, type, Stage.QUALIFY, amount, closeDate,
                qualify.probability(), qualify.category(), ownerId);
        o.product = product;
        o.partnerId = partnerId;
        return o;
    }

    /** The stage moves; probability and forecast category follow the stage table. */
    void moveTo(StageForecast next) {
        stage = next.stage();
        probability = next.probability();
        forecastCategory = next.category();
        gateReasons = null;
    }

    /** A renewal opportunity follows its renewal: the stage table's renewal probability and category. */
    void followRenewal(StageForecast row) {
        stage = row.stage();
        probability = row.renewalProbability();
        forecastCategory = row.renewalCategory();
    }

    void blockedBecause(String reasons) {
        gateReasons = reasons;
    }

    void solutionEngineeringAnswered(String notes, Instant at) {
        seContributedAt = at;
        addNotes("Solution engineering: " + notes);
    }

    void servicesAnswered(String notes, BigDecimal estimate) {
        servicesEstimate = estimate;
        addNotes("Services: " + notes);
    }

    /** A note on the help the deal had: a partner asked, a colleague asked or answering. */
    void helpNoted(String note) {
        addNotes(note);
    }

    void complianceReviewed(Instant at) {
        if (complianceReviewedAt == null) {
            complianceReviewedAt = at;
        }
    }

    private void addNotes(String notes) {
        String all = assistanceNotes == null ? notes : assistanceNotes + "\n" + notes;
        assistanceNotes = all.length() <= 4000 ? all : all.substring(all.length() - 4000);
    }

    /** The expected close moves; a move to a later day is a push, counted against the date the deal first had. */
    boolean moveCloseDate(LocalDate to) {
        boolean pushed = to.isAfter(closeDate);
        if (pushed) {
            if (firstCloseDate == null) {
                firstCloseDate = closeDate;
            }
            closeDatePushes++;
        }
        closeDate = to;
        return pushed;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void win(BigDecimal finalAmount) {
        stage = Stage.CLOSED_WON;
        amount = finalAmount;
        probability = 100;
        forecastCategory = ForecastCategory.CLOSED;
        closedAt = Instant.now();
    }

    void lose(String reason) {
        stage = Stage.CLOSED_LOST;
        probability = 0;
        forecastCategory = ForecastCategory.OMITTED;
        lossReason = reason;
        closedAt = Instant.now();
    }

    public String getId() { return id; }
    public String getAccountId() { return accountId; }
    public String getSubscriptionId() { return subscriptionId; }
    public String getName() { return name; }
    public OpportunityType getType() { return type; }
    public Stage getStage() { return stage; }
    public BigDecimal getAmount() { return amount; }
    public LocalDate getCloseDate() { return closeDate; }
    public int getProbability() { return probability; }
    public ForecastCategory getForecastCategory() { return forecastCategory; }
    public String getOwnerId() { return ownerId; }
    public String getLossReason() { return lossReason; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getProduct() { return product; }
    public String getPartnerId() { return partnerId; }
    public Instant getSeContributedAt() { return seContributedAt; }
    public Instant getComplianceReviewedAt() { return complianceReviewedAt; }
    public String getAssistanceNotes() { return assistanceNotes; }
    public BigDecimal getServicesEstimate() { return servicesEstimate; }
    public String getGateReasons() { return gateReasons; }
    public boolean isOpen() { return closedAt == null; }
    public int getCloseDatePushes() { return closeDatePushes; }
    public LocalDate getFirstCloseDate() { return firstCloseDate; }

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
