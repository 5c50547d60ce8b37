package dev.accountflow.account;

public enum Tier {
    STRATEGIC, ENTERPRISE, GROWTH
}
