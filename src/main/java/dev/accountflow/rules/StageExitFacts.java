package dev.accountflow.rules;

/** An opportunity asking to leave its stage, as the stage-gate rules see it. */
public class StageExitFacts {

    private String opportunityType;
    private String vertical;
    private String fromStage;
    private String toStage;
    // null when no executive sponsor was ever engaged
    private Integer daysSinceExecutiveEngagement;
    private boolean solutionEngineeringContributed;
    private boolean complianceReviewed;

    public StageExitFacts() {
    }

    public StageExitFacts(String opportunityType, String vertical, String fromStage, String toStage,
                          Integer daysSinceExecutiveEngagement, boolean solutionEngineeringContributed,
                          boolean complianceReviewed) {
        this.opportunityType = opportunityType;
        this.vertical = vertical;
        this.fromStage = fromStage;
        this.toStage = toStage;
        this.daysSinceExecutiveEngagement = daysSinceExecutiveEngagement;
        this.solutionEngineeringContributed = solutionEngineeringContributed;
        this.complianceReviewed = complianceReviewed;
    }

    public String getOpportunityType() { return opportunityType; }
    public void setOpportunityType(String opportunityType) { this.opportunityType = opportunityType; }
    public String getVertical() { return vertical; }
    public void setVertical(String vertical) { this.vertical = vertical; }
    public String getFromStage() { return fromStage; }
    public void setFromStage(String fromStage) { this.fromStage = fromStage; }
    public String getToStage() { return toStage; }
    public void setToStage(String toStage) { this.toStage = toStage; }
    public Integer getDaysSinceExecutiveEngagement() { return daysSinceExecutiveEngagement; }
    public void setDaysSinceExecutiveEngagement(Integer days) { this.daysSinceExecutiveEngagement = days; }
    public boolean isSolutionEngineeringContributed() { return solutionEngineeringContributed; }
    public void setSolutionEngineeringContributed(boolean v) { this.solutionEngineeringContributed = v; }
    public boolean isComplianceReviewed() { return complianceReviewed; }
    public void setComplianceReviewed(boolean v) { this.complianceReviewed = v; }
}
