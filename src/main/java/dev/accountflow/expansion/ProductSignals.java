package dev.accountflow.expansion;

import dev.accountflow.money.Money;
import dev.accountflow.rules.Sentence;
import java.util.Map;

/**
 * What the expansion-signals rules know about one account and one catalog product: whether the product fits the
 * account's vertical, whether the account owns it or a product it complements, and the account's usage, shipped
 * requests and renewals. Read from the database a page at a time, never a claim.
 */
public class ProductSignals {

    private String accountId;
    private String accountName;
    private String ownerId;
    private String vertical;
    private String tier;
    private String product;
    private double listArr;
    private boolean fitsVertical;
    private boolean owned;
    private double currentArr;
    private boolean complementsOwned;
    private String complementedProduct;
    private Double activeUsersChangePct;
    private Double seatUtilizationPct;
    private String featureTitle;
    private Integer shippedDaysAgo;
    private Integer renewedDaysAgo;
    private Double csat;

    /** The names a row's reason may use. */
    static final java.util.List<String> SENTENCE_NAMES = java.util.List.of("accountName", "product", "vertical",
            "complementedProduct", "activeUsersChange", "seatUtilization", "featureTitle", "renewedDaysAgo", "csat",
            "listArr", "currentArr");

    /**
     * The values a row's reason may name, as a rep reads them. Each is worked out when the sentence asks for it: a
     * page of the book fires the rows hundreds of thousands of times, and most sentences name two or three values.
     */
    public Map<String, String> sentenceValues() {
        return new java.util.AbstractMap<>() {
            @Override
            public String get(Object name) {
                return name instanceof String key ? sentenceValue(key) : null;
            }

            @Override
            public boolean containsKey(Object name) {
                return SENTENCE_NAMES.contains(name);
            }

            @Override
            public java.util.Set<Entry<String, String>> entrySet() {
                Map<String, String> all = new java.util.LinkedHashMap<>();
                SENTENCE_NAMES.forEach(key -> all.put(key, sentenceValue(key)));
                return all.entrySet();
            }
        };
    }

    private String sentenceValue(String name) {
        return switch (name) {
            case "accountName" -> accountName;
            case "product" -> product;
            case "vertical" -> vertical == null ? "" : vertical.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
            case "complementedProduct" -> complementedProduct == null ? "nothing" : complementedProduct;
            case "activeUsersChange" -> activeUsersChangePct == null ? "unknown" : Sentence.percentText(activeUsersChangePct);
            case "seatUtilization" -> seatUtilizationPct == null ? "unknown" : Sentence.percentText(seatUtilizationPct);
            case "featureTitle" -> featureTitle == null ? "" : featureTitle;
            case "renewedDaysAgo" -> renewedDaysAgo == null ? "no" : String.valueOf(renewedDaysAgo);
            case "csat" -> csat == null ? "unknown" : String.valueOf(csat);
            case "listArr" -> Money.format(listArr);
            case "currentArr" -> Money.format(currentArr);
            default -> null;
        };
    }

    public String getAccountId() { return accountId; }
    public void setAccountId(String accountId) { this.accountId = accountId; }
    public String getAccountName() { return accountName; }
    public void setAccountName(String accountName) { this.accountName = accountName; }
    public String getOwnerId() { return ownerId; }
    public void setOwnerId(String ownerId) { this.ownerId = ownerId; }
    public String getVertical() { return vertical; }
    public void setVertical(String vertical) { this.vertical = vertical; }
    public String getTier() { return tier; }
    public void setTier(String tier) { this.tier = tier; }
    public String getProduct() { return product; }
    public void setProduct(String product) { this.product = product; }
    public double getListArr() { return listArr; }
    public void setListArr(double listArr) { this.listArr = listArr; }
    public boolean isFitsVertical() { return fitsVertical; }
    public void setFitsVertical(boolean fitsVertical) { this.fitsVertical = fitsVertical; }
    public boolean isOwned() { return owned; }
    public void setOwned(boolean owned) { this.owned = owned; }
    public double getCurrentArr() { return currentArr; }
    public void setCurrentArr(double currentArr) { this.currentArr = currentArr; }
    public boolean isComplementsOwned() { return complementsOwned; }
    public void setComplementsOwned(boolean complementsOwned) { this.complementsOwned = complementsOwned; }
    public String getComplementedProduct() { return complementedProduct; }
    public void setComplementedProduct(String complementedProduct) { this.complementedProduct = complementedProduct; }
    public Double getActiveUsersChangePct() { return activeUsersChangePct; }
    public void setActiveUsersChangePct(Double activeUsersChangePct) { this.activeUsersChangePct = activeUsersChangePct; }
    public Double getSeatUtilizationPct() { return seatUtilizationPct; }
    public void setSeatUtilizationPct(Double seatUtilizationPct) { this.seatUtilizationPct = seatUtilizationPct; }
    public String getFeatureTitle() { return featureTitle; }
    public void setFeatureTitle(String featureTitle) { this.featureTitle = featureTitle; }
    public Integer getShippedDaysAgo() { return shippedDaysAgo; }
    public void setShippedDaysAgo(Integer shippedDaysAgo) { this.shippedDaysAgo = shippedDaysAgo; }
    public Integer getRenewedDaysAgo() { return renewedDaysAgo; }
    public void setRenewedDaysAgo(Integer renewedDaysAgo) { this.renewedDaysAgo = renewedDaysAgo; }
    public Double getCsat() { return csat; }
    public void setCsat(Double csat) { this.csat = csat; }
}
