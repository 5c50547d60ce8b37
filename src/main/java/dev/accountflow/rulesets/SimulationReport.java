package dev.accountflow.rulesets;

import java.util.List;

/** What publishing a version would change on the live book, worked out without writing anything. */
public record SimulationReport(String ruleSet, int version, int activeVersion, int accountsEvaluated,
                               int tasksEvaluated, int renewalsEvaluated, List<FlagChange> newlyFlagged,
                               List<FlagChange> noLongerFlagged, List<AssigneeChange> assigneeChanges,
                               List<ApprovalChange> approvalChanges, List<NoticeToSend> notifications,
                               List<String> impact) {

    public record FlagChange(String accountId, String accountName, String code, String severity, String reason) {
    }

    /** {@code row}: the rule (a table row) that gives the task to its new holder, when the rules say which. */
    public record AssigneeChange(String taskId, String taskName, String accountName, String from, String to,
                                 String row) {
    }

    public record ApprovalChange(String processInstanceId, String accountName, double discountPct, boolean from,
                                 boolean to, String reason, String row) {
    }

    public record NoticeToSend(String recipient, String template, String subject) {
    }
}
