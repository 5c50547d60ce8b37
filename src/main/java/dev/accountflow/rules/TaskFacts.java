package dev.accountflow.rules;

/** What the assignment rules know about a user task that is about to be handed out. */
public class TaskFacts {

    private String processKey;
    private String taskKey;
    private String accountId;
    private String accountName;
    private String territory;
    private String vertical;
    private String tier;
    private String ownerId;
    private double arr;
    private Integer daysToRenewal;
    private boolean atRisk;
    private String routedGroup;

    public TaskFacts() {
    }

    public TaskFacts(String processKey, String taskKey) {
        this.processKey = processKey;
        this.taskKey = taskKey;
    }

    public String getProcessKey() {
        return processKey;
    }

    public void setProcessKey(String processKey) {
        this.processKey = processKey;
    }

    public String getTaskKey() {
        return taskKey;
    }

    public void setTaskKey(String taskKey) {
        this.taskKey = taskKey;
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

    public String getTerritory() {
        return territory;
    }

    public void setTerritory(String territory) {
        this.territory = territory;
    }

    public String getVertical() {
        return vertical;
    }

    public void setVertical(String vertical) {
        this.vertical = vertical;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    public double getArr() {
        return arr;
    }

    public void setArr(double arr) {
        this.arr = arr;
    }

    public Integer getDaysToRenewal() {
        return daysToRenewal;
    }

    public void setDaysToRenewal(Integer daysToRenewal) {
        this.daysToRenewal = daysToRenewal;
    }

    public boolean isAtRisk() {
        return atRisk;
    }

    public void setAtRisk(boolean atRisk) {
        this.atRisk = atRisk;
    }

    /** The group a routing table sent the work to (a feature request's product managers), if any. */
    public String getRoutedGroup() {
        return routedGroup;
    }

    public void setRoutedGroup(String routedGroup) {
        this.routedGroup = routedGroup;
    }
}
