package dev.accountflow.plan;

public enum ReviewDecision {
    APPROVED, SENT_BACK
}
