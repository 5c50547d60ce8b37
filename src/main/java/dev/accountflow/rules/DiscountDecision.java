package dev.accountflow.rules;

/** Whether a discount needs approval, from whom and why; filled in by the stage-gate rules. */
public class DiscountDecision extends StageGateDecision {
}
