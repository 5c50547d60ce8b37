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
