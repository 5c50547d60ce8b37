package dev.accountflow.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One quarterly objective of a plan: what, how it is measured, the target, where it stands and who owns it. */
@Entity
public class PlanObjective {

    @Id
    private String id;
    private String planId;
    private int quarter;
    private String objective;
    private String measure;
    private String target;
    @Enumerated(EnumType.STRING)
    private ObjectiveStatus status;
    private String ownerId;
    private Instant createdAt;
    @Version
    private long version;

    protected PlanObjective() {
    }

    PlanObjective(String planId, int quarter, String objective, String measure, String target, String ownerId) {
        this.id = UUID.randomUUID().toString();
        this.planId = planId;
        this.quarter = quarter;
        this.objective = objective;
        this.measure = measure;
        this.target = target;
        this.status = ObjectiveStatus.NOT_STARTED;
        this.ownerId = ownerId;
        this.createdAt = Instant.now();
    }

    void moveTo(ObjectiveStatus next) {
        status = next;
    }

    public String getId() { return id; }
    public String getPlanId() { return planId; }
    public int getQuarter() { return quarter; }
    public String getObjective() { return objective; }
    public String getMeasure() { return measure; }
    public String getTarget() { return target; }
    public ObjectiveStatus getStatus() { return status; }
    public String getOwnerId() { return ownerId; }
    public Instant getCreatedAt() { return createdAt; }
}
