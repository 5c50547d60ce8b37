package dev.accountflow.opportunity;

public enum OpportunityType {
    RENEWAL, EXPANSION, NEW_BUSINESS
}
