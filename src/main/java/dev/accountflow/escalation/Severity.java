package dev.accountflow.escalation;

/** How badly the customer is hurt: S1 (business stopped) to S4 (a question). */
public enum Severity {
    S1, S2, S3, S4
}
