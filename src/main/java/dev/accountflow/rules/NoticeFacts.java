package dev.accountflow.rules;

import java.math.BigDecimal;

/**
 * What the notification rules see about one change: TURNED_RED when an account gets its first open HIGH flag,
 * FLAG_RAISED for every flag raised, RENEWAL_ESCALATED when a renewal is still open close to its end date (arr is
 * then the renewal's ARR).
 */
public class NoticeFacts {

    public static final String RENEWAL_ESCALATED = "RENEWAL_ESCALATED";

    private String event;
    private String accountId;
    private String accountName;
    private String tier;
    private String severity;
    private BigDecimal arr = BigDecimal.ZERO;
    private String flagCode;
    private String flagReason;

    public NoticeFacts() {
    }

    public String getEvent() { return event; }
    public void setEvent(String event) { this.event = event; }
    public String getAccountId() { return accountId; }
    public void setAccountId(String accountId) { this.accountId = accountId; }
    public String getAccountName() { return accountName; }
    public void setAccountName(String accountName) { this.accountName = accountName; }
    public String getTier() { return tier; }
    public void setTier(String tier) { this.tier = tier; }
    public String getSeverity() { return severity; }
    public void setSeverity(String severity) { this.severity = severity; }
    public BigDecimal getArr() { return arr; }
    public void setArr(BigDecimal arr) { this.arr = arr == null ? BigDecimal.ZERO : arr; }
    public String getFlagCode() { return flagCode; }
    public void setFlagCode(String flagCode) { this.flagCode = flagCode; }
    public String getFlagReason() { return flagReason; }
    public void setFlagReason(String flagReason) { this.flagReason = flagReason; }
}
