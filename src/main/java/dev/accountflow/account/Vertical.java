package dev.accountflow.account;

public enum Vertical {
    HEALTHCARE, FINANCIAL_SERVICES, INSURANCE, OTHER
}
