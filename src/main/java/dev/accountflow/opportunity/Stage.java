package dev.accountflow.opportunity;

public enum Stage {
    QUALIFY, DISCOVER, SOLUTION_DEVELOPMENT, PROPOSAL, NEGOTIATION, CLOSED_WON, CLOSED_LOST
}
