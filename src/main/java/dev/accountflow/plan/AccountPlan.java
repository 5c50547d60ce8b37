package dev.accountflow.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A strategic account's plan for one fiscal year (the calendar year). */
@Entity
public class AccountPlan {

    @Id
    private String id;
    private String accountId;
    private int fiscalYear;
    private Instant createdAt;

    protected AccountPlan() {
    }

    AccountPlan(String accountId, int fiscalYear) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.fiscalYear = fiscalYear;
        this.createdAt = Instant.now();
    }

    public String getId() { return id; }
    public String getAccountId() { return accountId; }
    public int getFiscalYear() { return fiscalYear; }
    public Instant getCreatedAt() { return createdAt; }
}
