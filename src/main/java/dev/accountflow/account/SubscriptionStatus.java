package dev.accountflow.account;

public enum SubscriptionStatus {
    ACTIVE, IN_RENEWAL, RENEWED, DOWNSOLD, CHURNED
}
