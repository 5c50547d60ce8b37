package dev.accountflow.notification;

public enum NotificationStatus {
    /** waiting in the outbox: not yet sent, or sending failed and will be tried again */
    PENDING,
    SENT,
    /** gave up after the configured number of attempts; lastError says why */
    FAILED
}
