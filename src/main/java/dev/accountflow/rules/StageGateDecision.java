package dev.accountflow.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * What the stage-gate rules decided: whether a discount needs approval (from whom, why) and which exit criteria a
 * stage move failed (each with its reason). Every row that decided something is named, so a simulation line and
 * the decision log can say which row caused it.
 */
public class StageGateDecision {

    static final String APPROVAL = "APPROVAL";
    static final String BLOCK = "BLOCK";

    private boolean approvalRequired;
    private String approverGroup;
    private String approvalReason;
    private final List<String> blockReasons = new ArrayList<>();
    private final List<String> decidedBy = new ArrayList<>();

    /** Called by the generated stage-gate rules: one row's outcome. */
    public void gate(String outcome, String approverGroup, String reason, String ruleName) {
        if (APPROVAL.equals(outcome)) {
            requireApproval(approverGroup, reason);
        } else {
            block(reason);
        }
        decidedBy.add(ruleName);
    }

    /** Several rows may ask for approval; their reasons are kept side by side, the last row's group approves. */
    public void requireApproval(String group, String reason) {
        this.approvalRequired = true;
        this.approverGroup = group;
        this.approvalReason = this.approvalReason == null ? reason : this.approvalReason + " " + reason;
    }

    public void block(String reason) {
        blockReasons.add(reason);
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

    /** Why approval is needed (null when it is not). */
    public String getReason() {
        return approvalReason;
    }

    public void setReason(String reason) {
        this.approvalReason = reason;
    }

    /** A stage move is blocked while any exit criterion fails. */
    public boolean isBlocked() {
        return !blockReasons.isEmpty();
    }

    /** Every failed exit criterion, each with its reason. */
    public List<String> getReasons() {
        return List.copyOf(blockReasons);
    }

    /** The rows (rule names) that asked for approval or blocked the move, in the order they fired. */
    public List<String> getDecidedBy() {
        return List.copyOf(decidedBy);
    }
}
