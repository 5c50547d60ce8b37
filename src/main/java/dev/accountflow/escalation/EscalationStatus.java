package dev.accountflow.escalation;

/** Where an escalation stands: waiting for the division, being worked, resolved and waiting for the AM, closed. */
public enum EscalationStatus {
    OPEN, ACKNOWLEDGED, RESOLVED, CLOSED
}
