package dev.accountflow.renewal;

/** How a renewal ends, as the account manager records it in the negotiation task. */
public enum RenewalOutcome {
    RENEWED, DOWNSOLD, CHURNED
}
