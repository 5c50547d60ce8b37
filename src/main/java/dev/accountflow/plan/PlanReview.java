package dev.accountflow.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A sales manager's answer to an account manager's plan update: approved, or sent back with a comment. */
@Entity
public class PlanReview {

    @Id
    private String id;
    private String planId;
    private String processInstanceId;
    private String summary;
    @Enumerated(EnumType.STRING)
    private ReviewDecision decision;
    private String reviewer;
    private String reviewComment;
    private Instant reviewedAt;

    protected PlanReview() {
    }

    PlanReview(String planId, String processInstanceId, String summary, ReviewDecision decision, String reviewer,
               String reviewComment) {
        this.id = UUID.randomUUID().toString();
        this.planId = planId;
        this.processInstanceId = processInstanceId;
        this.summary = summary;
        this.decision = decision;
        this.reviewer = reviewer;
        this.reviewComment = reviewComment;
        this.reviewedAt = Instant.now();
    }

    public String getId() { return id; }
    public String getPlanId() { return planId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getSummary() { return summary; }
    public ReviewDecision getDecision() { return decision; }
    public String getReviewer() { return reviewer; }
    public String getReviewComment() { return reviewComment; }
    public Instant getReviewedAt() { return reviewedAt; }
}
