package dev.accountflow.rules;

import dev.accountflow.account.AccountService;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Decisions")
@RestController
@RequestMapping("/api/decisions")
class DecisionController {

    private final DecisionLog log;
    private final AccountService accounts;
    private final HistoryService history;

    DecisionController(DecisionLog log, AccountService accounts, HistoryService history) {
        this.log = log;
        this.accounts = accounts;
        this.history = history;
    }

    record DecisionView(String id, String decisionType, String subjectType, String subjectId, String ruleSet,
                        int ruleSetVersion, List<String> rulesFired, String facts, String outcome, Instant madeAt,
                        String why) {
        static DecisionView of(DecisionRecord r) {
            return new DecisionView(r.getId(), r.getDecisionType(), r.getSubjectType(), r.getSubjectId(),
                    r.getRuleSet(), r.getRuleSetVersion(),
                    r.getRulesFired().isBlank() ? List.of() : List.of(r.getRulesFired().split("\n")), r.getFacts(),
                    r.getOutcome(), r.getMadeAt(), DecisionLog.why(r));
        }
    }

    /** Decisions about one subject (task, account, notification…); managers may also list the latest ones. */
    @Operation(operationId = "listDecisions", summary = "Read the decision log",
            description = "Optionally for one subject (subjectType and subjectId together), e.g. an account.")
    @GetMapping
    List<DecisionView> list(@RequestParam(required = false) String subjectType,
                            @RequestParam(required = false) String subjectId) {
        if (subjectType != null && subjectId != null) {
            if (!CurrentUser.get().seesWholeBook()) {
                requireVisible(subjectType, subjectId, CurrentUser.get());
            }
            return log.about(subjectType, subjectId).stream().map(DecisionView::of).toList();
        }
        if (!CurrentUser.get().managesPortfolio()) {
            throw ApiException.badRequest("Invalid request: subjectType and subjectId are required",
                    "subjectType: is required", "subjectId: is required");
        }
        return log.recent().stream().map(DecisionView::of).toList();
    }

    /** A rep may ask about her tasks, the tasks offered to her groups, and her accounts and their renewals. */
    private void requireVisible(String subjectType, String subjectId, CurrentUser user) {
        switch (subjectType) {
            case "account" -> accounts.visibleAccount(subjectId);
            case "task" -> {
                HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(subjectId).singleResult();
                if (task == null) {
                    throw ApiException.notFound("Task " + subjectId);
                }
                boolean offeredToMe = history.createHistoricIdentityLinkLogQuery().taskId(subjectId).list().stream()
                        .anyMatch(link -> link.getGroupId() != null && user.isIn(link.getGroupId()));
                if (!user.userId().equals(task.getAssignee()) && !offeredToMe) {
                    accounts.visibleAccount(accountOf(task.getProcessInstanceId(), "Task " + subjectId));
                }
            }
            case "process-instance" -> accounts.visibleAccount(accountOf(subjectId, "Process instance " + subjectId));
            default -> throw ApiException.forbidden("Only managers may read decisions about " + subjectType);
        }
    }

    /**
     * The account a process is about: a renewal's from its subscription (the business key), read from the database;
     * another process's from its accountId variable.
     */
    private String accountOf(String processInstanceId, String subject) {
        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (process == null) {
            throw ApiException.notFound(subject);
        }
        if (process.getBusinessKey() != null) {
            Optional<String> renewed = accounts.subscriptionAccountId(process.getBusinessKey());
            if (renewed.isPresent()) {
                return renewed.get();
            }
        }
        HistoricVariableInstance accountId = history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName("accountId").singleResult();
        if (accountId == null || accountId.getValue() == null) {
            throw ApiException.notFound(subject);
        }
        return accountId.getValue().toString();
    }
}
