package dev.accountflow.rules;

/** An opportunity asking to leave its stage, as the stage-gate rules see it. */
public class StageExitFacts extends StageGateFacts {

    public StageExitFacts() {
    }

    public StageExitFacts(String opportunityType, String vertical, String fromStage, String toStage,
                          Integer daysSinceExecutiveEngagement, boolean solutionEngineeringContributed,
                          boolean complianceReviewed) {
        setOpportunityType(opportunityType);
        setVertical(vertical);
        setFromStage(fromStage);
        setToStage(toStage);
        setDaysSinceExecutiveEngagement(daysSinceExecutiveEngagement);
        setSolutionEngineeringContributed(solutionEngineeringContributed);
        setComplianceReviewed(complianceReviewed);
    }
}
