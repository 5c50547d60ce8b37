package dev.accountflow.rules;

/** The health signals of one account that the health rules read. */
public class AccountHealthFacts {

    private String accountId;
    private String accountName;
    private String tier;
    private String vertical;
    private Integer daysToRenewal;
    private Integer daysSinceExecutiveEngagement;
    private boolean hasExecutiveSponsor;
    // facts written before champions were read (scenarios saved earlier) count as having one
    private boolean hasChampion = true;
    private Double activeUsersChangePct;
    private int openEscalations;
    private Double csat;
    // the account's customer escalations not yet closed, read from the escalation table itself
    private int openCustomerEscalations;
    private Integer oldestOpenEscalationDays;
    private String worstOpenEscalationSeverity;

    public AccountHealthFacts() {
    }

    public AccountHealthFacts(String accountId, String accountName) {
        this.accountId = accountId;
        this.accountName = accountName;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getAccountName() {
        return accountName;
    }

    public void setAccountName(String accountName) {
        this.accountName = accountName;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier;
    }

    public String getVertical() {
        return vertical;
    }

    public void setVertical(String vertical) {
        this.vertical = vertical;
    }

    /** Null when the account has no active subscription. */
    public Integer getDaysToRenewal() {
        return daysToRenewal;
    }

    public void setDaysToRenewal(Integer daysToRenewal) {
        this.daysToRenewal = daysToRenewal;
    }

    /** Null when no executive has ever been engaged. */
    public Integer getDaysSinceExecutiveEngagement() {
        return daysSinceExecutiveEngagement;
    }

    public void setDaysSinceExecutiveEngagement(Integer daysSinceExecutiveEngagement) {
        this.daysSinceExecutiveEngagement = daysSinceExecutiveEngagement;
    }

    public boolean isHasExecutiveSponsor() {
        return hasExecutiveSponsor;
    }

    public void setHasExecutiveSponsor(boolean hasExecutiveSponsor) {
        this.hasExecutiveSponsor = hasExecutiveSponsor;
    }

    /** Whether a contact at the account is named CHAMPION. */
    public boolean isHasChampion() {
        return hasChampion;
    }

    public void setHasChampion(boolean hasChampion) {
        this.hasChampion = hasChampion;
    }

    /** Change of active users in percent (-25.0 = a quarter fewer); null when there is no signal. */
    public Double getActiveUsersChangePct() {
        return activeUsersChangePct;
    }

    public void setActiveUsersChangePct(Double activeUsersChangePct) {
        this.activeUsersChangePct = activeUsersChangePct;
    }

    public int getOpenEscalations() {
        return openEscalations;
    }

    public void setOpenEscalations(int openEscalations) {
        this.openEscalations = openEscalations;
    }

    public Double getCsat() {
        return csat;
    }

    public void setCsat(Double csat) {
        this.csat = csat;
    }

    /** Customer escalations raised for the account and not yet closed. */
    public int getOpenCustomerEscalations() {
        return openCustomerEscalations;
    }

    public void setOpenCustomerEscalations(int openCustomerEscalations) {
        this.openCustomerEscalations = openCustomerEscalations;
    }

    /** Days since the oldest open customer escalation was raised; null when none is open. */
    public Integer getOldestOpenEscalationDays() {
        return oldestOpenEscalationDays;
    }

    public void setOldestOpenEscalationDays(Integer oldestOpenEscalationDays) {
        this.oldestOpenEscalationDays = oldestOpenEscalationDays;
    }

    /** The worst severity among open customer escalations (S1 worst); null when none is open. */
    public String getWorstOpenEscalationSeverity() {
        return worstOpenEscalationSeverity;
    }

    public void setWorstOpenEscalationSeverity(String worstOpenEscalationSeverity) {
        this.worstOpenEscalationSeverity = worstOpenEscalationSeverity;
    }
}
