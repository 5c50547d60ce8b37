package dev.accountflow.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
public class HealthSignal {

    @Id
    private String id;
    private String accountId;
    private Instant recordedAt;
    private BigDecimal activeUsersChangePct;
    private Integer openEscalations;
    private BigDecimal csat;
    private BigDecimal seatUtilizationPct;

    protected HealthSignal() {
    }

    public HealthSignal(String accountId, Instant recordedAt, BigDecimal activeUsersChangePct, Integer openEscalations,
                        BigDecimal csat) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.recordedAt = recordedAt;
        this.activeUsersChangePct = activeUsersChangePct;
        this.openEscalations = openEscalations;
        this.csat = csat;
    }

    /** A signal with the share of licensed seats in use (the expansion signals read it). */
    public HealthSignal(String accountId, Instant recordedAt, BigDecimal activeUsersChangePct, Integer openEscalations,
                        BigDecimal csat, BigDecimal seatUtilizationPct) {
        this(accountId, recordedAt, activeUsersChangePct, openEscalations, csat);
        this.seatUtilizationPct = seatUtilizationPct;
    }

    public String getId() { return id; }
    public String getAccountId() { return accountId; }
    public Instant getRecordedAt() { return recordedAt; }
    public BigDecimal getActiveUsersChangePct() { return activeUsersChangePct; }
    public Integer getOpenEscalations() { return openEscalations; }
    public BigDecimal getCsat() { return csat; }
    public BigDecimal getSeatUtilizationPct() { return seatUtilizationPct; }
}
