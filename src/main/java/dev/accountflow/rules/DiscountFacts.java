package dev.accountflow.rules;

/** A proposed discount on an opportunity, as the stage-gate rules see it: no stage move, a discount. */
public class DiscountFacts extends StageGateFacts {

    public DiscountFacts() {
    }

    public DiscountFacts(String opportunityType, String tier, double arr, double discountPct) {
        setOpportunityType(opportunityType);
        setTier(tier);
        setArr(arr);
        setDiscountPct(discountPct);
    }

    public DiscountFacts(String opportunityType, String tier, String vertical, double arr, double discountPct) {
        this(opportunityType, tier, arr, discountPct);
        setVertical(vertical);
    }
}
