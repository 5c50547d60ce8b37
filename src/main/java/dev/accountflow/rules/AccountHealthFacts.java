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
    /** The product of the next subscription to renew, and its ARR (null when nothing renews). */
    private String renewalProduct;
    private java.math.BigDecimal renewalArr;
    /** Days since the last executive sponsor who left the customer left (null: none left). */
    private Integer daysSinceSponsorLeft;
    /** The open deal whose close date was pushed most often: how often, its name and its dates (0: none pushed). */
    private int closeDatePushes;
    private String slippingOpportunity;
    private java.time.LocalDate slippingCloseDate;
    private java.time.LocalDate slippingFirstCloseDate;
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

    public String getRenewalProduct() { return renewalProduct; }
    public void setRenewalProduct(String renewalProduct) { this.renewalProduct = renewalProduct; }
    public java.math.BigDecimal getRenewalArr() { return renewalArr; }
    public void setRenewalArr(java.math.BigDecimal renewalArr) { this.renewalArr = renewalArr; }
    public Integer getDaysSinceSponsorLeft() { return daysSinceSponsorLeft; }
    public void setDaysSinceSponsorLeft(Integer daysSinceSponsorLeft) { this.daysSinceSponsorLeft = daysSinceSponsorLeft; }
    /** Whether an executive sponsor of the account left the customer (a current one may have replaced her). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isExecutiveSponsorLeft() { return daysSinceSponsorLeft != null; }
    public int getCloseDatePushes() { return closeDatePushes; }
    public void setCloseDatePushes(int closeDatePushes) { this.closeDatePushes = closeDatePushes; }
    public String getSlippingOpportunity() { return slippingOpportunity; }
    public void setSlippingOpportunity(String slippingOpportunity) { this.slippingOpportunity = slippingOpportunity; }
    public java.time.LocalDate getSlippingCloseDate() { return slippingCloseDate; }
    public void setSlippingCloseDate(java.time.LocalDate slippingCloseDate) { this.slippingCloseDate = slippingCloseDate; }
    public java.time.LocalDate getSlippingFirstCloseDate() { return slippingFirstCloseDate; }
    public void setSlippingFirstCloseDate(java.time.LocalDate d) { this.slippingFirstCloseDate = d; }
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
