package dev.accountflow.rules;

/**
 * What the stage-gate rules see: a discount proposed on an opportunity ({@link DiscountFacts}, no stage move) or an
 * opportunity asking to leave its stage ({@link StageExitFacts}). A row of the stage-gates table that names a stage
 * guards the move into it; a row with a discount band asks for an approval of discounts in it.
 */
public class StageGateFacts {

    private String opportunityType;
    private String tier;
    private String vertical;
    private double arr;
    // null on a stage move that carries no discount
    private Double discountPct;
    private String fromStage;
    // null on a discount check
    private String toStage;
    // null when no executive sponsor was ever engaged
    private Integer daysSinceExecutiveEngagement;
    private boolean solutionEngineeringContributed;
    private boolean complianceReviewed;

    public String getOpportunityType() { return opportunityType; }
    public void setOpportunityType(String opportunityType) { this.opportunityType = blankAsNull(opportunityType); }
    public String getTier() { return tier; }
    public void setTier(String tier) { this.tier = blankAsNull(tier); }
    public String getVertical() { return vertical; }
    public void setVertical(String vertical) { this.vertical = blankAsNull(vertical); }
    public double getArr() { return arr; }
    public void setArr(double arr) { this.arr = arr; }
    public Double getDiscountPct() { return discountPct; }
    public void setDiscountPct(Double discountPct) { this.discountPct = discountPct; }
    public String getFromStage() { return fromStage; }
    public void setFromStage(String fromStage) { this.fromStage = blankAsNull(fromStage); }
    public String getToStage() { return toStage; }
    public void setToStage(String toStage) { this.toStage = blankAsNull(toStage); }
    public Integer getDaysSinceExecutiveEngagement() { return daysSinceExecutiveEngagement; }
    public void setDaysSinceExecutiveEngagement(Integer days) { this.daysSinceExecutiveEngagement = days; }
    public boolean isSolutionEngineeringContributed() { return solutionEngineeringContributed; }
    public void setSolutionEngineeringContributed(boolean v) { this.solutionEngineeringContributed = v; }
    public boolean isComplianceReviewed() { return complianceReviewed; }
    public void setComplianceReviewed(boolean v) { this.complianceReviewed = v; }

    // a scenario form leaves an unused field blank: "no stage move" rather than a stage named ""
    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
