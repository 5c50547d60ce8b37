package dev.accountflow.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

@Entity
public class Contact {

    @Id
    private String id;
    private String accountId;
    private String name;
    private String email;
    @Enumerated(EnumType.STRING)
    private ContactRole role;
    private Instant lastEngagedAt;
    private Instant leftAt;

    protected Contact() {
    }

    public Contact(String accountId, String name, String email, ContactRole role, Instant lastEngagedAt) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.name = name;
        this.email = email;
        this.role = role;
        this.lastEngagedAt = lastEngagedAt;
    }

    /** Someone who has already left the customer (an import, the demo book): kept with her history. */
    public static Contact former(String accountId, String name, String email, ContactRole role, Instant lastEngagedAt,
                                 Instant leftAt) {
        Contact contact = new Contact(accountId, name, email, role, lastEngagedAt);
        contact.leftAt = leftAt;
        return contact;
    }

    /** A touch point with this person: the later of it and what was known before. */
    void engagedAt(Instant when) {
        if (lastEngagedAt == null || when.isAfter(lastEngagedAt)) {
            lastEngagedAt = when;
        }
    }

    /** The person left the customer: kept with her history, no longer a current sponsor or champion. */
    void left(Instant when) {
        leftAt = when;
    }

    public String getId() { return id; }
    public String getAccountId() { return accountId; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public ContactRole getRole() { return role; }
    public Instant getLastEngagedAt() { return lastEngagedAt; }
    public Instant getLeftAt() { return leftAt; }
    public boolean hasLeft() { return leftAt != null; }
}
