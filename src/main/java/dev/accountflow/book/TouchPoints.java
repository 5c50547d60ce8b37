package dev.accountflow.book;

import dev.accountflow.account.AccountService;
import dev.accountflow.account.Contact;
import dev.accountflow.account.TouchPoint;
import dev.accountflow.account.TouchPointKind;
import dev.accountflow.health.HealthService;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A touch point moves the contact's last engagement, and a contact's departure takes a sponsor or champion away,
 * both of which the health rules read: recorded and assessed in one transaction, so a failed assessment leaves
 * nothing behind (page and API alike).
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

    /** A contact left the customer: recorded and the account's health assessed again, in one transaction. */
    @Transactional
    Contact departed(String accountId, String contactId, Instant leftAt) {
        Contact contact = accounts.contactLeft(accountId, contactId, leftAt);
        health.assess(accountId);
        return contact;
    }
}
