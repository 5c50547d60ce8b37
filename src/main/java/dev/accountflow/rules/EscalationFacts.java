package dev.accountflow.rules;

/** What the escalation-routing rules know about a customer escalation: read from the database, never a claim. */
public class EscalationFacts {

    private String division;
    private String severity;
    private String accountName;
    private String tier;
    private String vertical;
    private double arr;

    public String getDivision() { return division; }
    public void setDivision(String division) { this.division = division; }
    public String getSeverity() { return severity; }
    public void setSeverity(String severity) { this.severity = severity; }
    public String getAccountName() { return accountName; }
    public void setAccountName(String accountName) { this.accountName = accountName; }
    public String getTier() { return tier; }
    public void setTier(String tier) { this.tier = tier; }
    public String getVertical() { return vertical; }
    public void setVertical(String vertical) { this.vertical = vertical; }
    /** The account's live (active or in-renewal) ARR. */
    public double getArr() { return arr; }
    public void setArr(double arr) { this.arr = arr; }
}
