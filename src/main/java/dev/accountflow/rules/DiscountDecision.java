package dev.accountflow.rules;

/** Whether a discount needs approval, from whom and why; filled in by the stage-gate rules. */
public class DiscountDecision {

    private boolean approvalRequired;
    private String approverGroup;
    private String reason;

    /** Several rules may ask for approval; their reasons are kept side by side. */
    public void requireApproval(String group, String reason) {
        this.approvalRequired = true;
        this.approverGroup = group;
        this.reason = this.reason == null ? reason : this.reason + " " + reason;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public void setApprovalRequired(boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
    }

    public String getApproverGroup() {
        return approverGroup;
    }

    public void setApproverGroup(String approverGroup) {
        this.approverGroup = approverGroup;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
