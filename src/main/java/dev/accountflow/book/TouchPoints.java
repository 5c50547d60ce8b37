package dev.accountflow.book;

import dev.accountflow.account.AccountService;
import dev.accountflow.account.TouchPoint;
import dev.accountflow.account.TouchPointKind;
import dev.accountflow.health.HealthService;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A touch point moves the contact's last engagement, which the health rules read: recorded and assessed in one
 * transaction, so a failed assessment leaves no touch point behind (page and API alike).
 */
@Service
class TouchPoints {

    private final AccountService accounts;
    private final HealthService health;

    TouchPoints(AccountService accounts, HealthService health) {
        this.accounts = accounts;
        this.health = health;
    }

    @Transactional
    TouchPoint record(String accountId, String contactId, TouchPointKind kind, Instant occurredAt, String note) {
        TouchPoint recorded = accounts.recordTouchPoint(accountId, contactId, kind, occurredAt, note);
        health.assess(accountId);
        return recorded;
    }
}
