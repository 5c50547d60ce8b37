package dev.accountflow.rules;

/** A proposed discount on an opportunity, as the stage-gate rules see it. */
public class DiscountFacts {

    private String opportunityType;
    private String tier;
    private double arr;
    private double discountPct;

    public DiscountFacts() {
    }

    public DiscountFacts(String opportunityType, String tier, double arr, double discountPct) {
        this.opportunityType = opportunityType;
        this.tier = tier;
        this.arr = arr;
        this.discountPct = discountPct;
    }

    public String getOpportunityType() {
        return opportunityType;
    }

    public void setOpportunityType(String opportunityType) {
        this.opportunityType = opportunityType;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier;
    }

    public double getArr() {
        return arr;
    }

    public void setArr(double arr) {
        this.arr = arr;
    }

    public double getDiscountPct() {
        return discountPct;
    }

    public void setDiscountPct(double discountPct) {
        this.discountPct = discountPct;
    }
}
