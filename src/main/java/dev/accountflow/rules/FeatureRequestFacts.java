package dev.accountflow.rules;

/** What the feature-routing rules know about a customer's feature request: read from the database, never a claim. */
public class FeatureRequestFacts {

    private String title;
    private String productArea;
    private String accountName;
    private String tier;
    private String vertical;
    private double arrAtStake;
    private int requestingAccounts;
    private boolean blocksRenewal;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getProductArea() { return productArea; }
    public void setProductArea(String productArea) { this.productArea = productArea; }
    public String getAccountName() { return accountName; }
    public void setAccountName(String accountName) { this.accountName = accountName; }
    public String getTier() { return tier; }
    public void setTier(String tier) { this.tier = tier; }
    public String getVertical() { return vertical; }
    public void setVertical(String vertical) { this.vertical = vertical; }
    public double getArrAtStake() { return arrAtStake; }
    public void setArrAtStake(double arrAtStake) { this.arrAtStake = arrAtStake; }
    public int getRequestingAccounts() { return requestingAccounts; }
    public void setRequestingAccounts(int requestingAccounts) { this.requestingAccounts = requestingAccounts; }
    public boolean isBlocksRenewal() { return blocksRenewal; }
    public void setBlocksRenewal(boolean blocksRenewal) { this.blocksRenewal = blocksRenewal; }
}
