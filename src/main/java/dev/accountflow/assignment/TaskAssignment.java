package dev.accountflow.assignment;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Subscription;
import dev.accountflow.rules.AssignmentDecision;
import dev.accountflow.rules.Decided;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.rules.TaskFacts;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Runs for every user task of every process as it is created: the assignment rules pick assignee or candidate
 * groups, due date and priority, and the decision is logged and put on the task so "why is this mine?" has an answer.
 * The task's name also gets the account's, so a rep's list in Tasklist tells one renewal from another, and its form
 * counts the days left from the day the task was created, not from the day the renewal started.
 */
@Component
public class TaskAssignment implements TaskListener {

    public static final String DECISION_VARIABLE = "assignmentDecisionId";
    private static final int TASK_NAME_LENGTH = 255;

    private final RuleBook rules;
    private final DecisionLog decisions;
    private final AccountService accounts;

    TaskAssignment(RuleBook rules, DecisionLog decisions, AccountService accounts) {
        this.rules = rules;
        this.decisions = decisions;
        this.accounts = accounts;
    }

    @Override
    public void notify(DelegateTask task) {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
        TaskFacts facts = factsOf(task, today);
        Decided<AssignmentDecision> decided = rules.assign(facts);
        AssignmentDecision decision = decided.decision();

        if (decision.getAssignee() != null) {
            task.setAssignee(decision.getAssignee());
        }
        decision.getCandidateGroups().forEach(task::addCandidateGroup);
        if (decision.getDueInDays() != null) {
            task.setDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(decision.getDueInDays(), ChronoUnit.DAYS)));
        }
        if (decision.getPriority() != null) {
            task.setPriority(decision.getPriority());
        }
        if (facts.getAccountName() != null && task.getName() != null && !task.getName().contains(facts.getAccountName())) {
            task.setName(fitted(task.getName() + " — " + facts.getAccountName()));
        }
        if (facts.getDaysToRenewal() != null) {
            task.setVariableLocal("daysLeft", facts.getDaysToRenewal().longValue());
        }
        String decisionId = decisions.record("assignment", "task", task.getId(), decided.run(), facts, decision);
        task.setVariableLocal(DECISION_VARIABLE, decisionId);
    }

    // the engine keeps task names in 255 characters: a long product and account name end in "…"
    static String fitted(String name) {
        return name.length() <= TASK_NAME_LENGTH ? name : name.substring(0, TASK_NAME_LENGTH - 1) + "…";
    }

    TaskFacts factsOf(DelegateTask task, LocalDate today) {
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        return factsFor(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), businessKey, task::getVariable,
                today);
    }

    /**
     * The facts the assignment rules see for a task of a process with this business key (also used to simulate rule
     * changes): a renewal's account, ARR and end date come from the database by its business key, never from
     * variables; other facts from the process variables.
     */
    public TaskFacts factsFor(String processDefinitionId, String taskKey, String businessKey,
                              Function<String, Object> variables, LocalDate today) {
        Optional<Subscription> renewing = businessKey == null ? Optional.empty() : accounts.subscription(businessKey);
        Function<String, Object> facts = renewing.<Function<String, Object>>map(s -> name -> switch (name) {
            case "accountId" -> s.getAccountId();
            case "arr" -> s.getArr().doubleValue();
            case "endDate" -> s.getEndDate().toString();
            default -> variables.apply(name);
        }).orElse(variables);
        return factsFor(processDefinitionId, taskKey, facts, today);
    }

    /** The facts the assignment rules see for a task, from its process variables (also used to simulate rule changes). */
    public TaskFacts factsFor(String processDefinitionId, String taskKey, Function<String, Object> variables,
                              LocalDate today) {
        TaskFacts facts = new TaskFacts(processDefinitionId == null ? null : processDefinitionId.split(":")[0], taskKey);
        Object accountId = variables.apply("accountId");
        if (accountId != null) {
            accounts.account(accountId.toString()).ifPresent(a -> describe(a, facts));
        }
        if (variables.apply("arr") instanceof Number arr) {
            facts.setArr(arr.doubleValue());
        }
        if (variables.apply("endDate") instanceof String end) {
            try {
                facts.setDaysToRenewal((int) ChronoUnit.DAYS.between(today, LocalDate.parse(end)));
            } catch (DateTimeParseException e) {
                // a malformed end date leaves the renewal distance unknown; rules treat null as "not a renewal"
            }
        }
        facts.setAtRisk(Boolean.TRUE.equals(variables.apply("atRisk")));
        if (variables.apply("pmGroup") instanceof String routed) {
            facts.setRoutedGroup(routed);
        }
        // a customer escalation: the group the escalation-routing table chose
        if (variables.apply("escalationGroup") instanceof String routed) {
            facts.setRoutedGroup(routed);
        }
        // a colleague a sales manager asked to assist: the process routed the task to her
        if (variables.apply("assistantId") instanceof String asked) {
            facts.setRoutedGroup(AssignmentDecision.ROUTED_PERSON + asked);
        }
        return facts;
    }

    private static void describe(Account account, TaskFacts facts) {
        facts.setAccountId(account.getId());
        facts.setAccountName(account.getName());
        facts.setTerritory(account.getTerritory());
        facts.setVertical(account.getVertical().name());
        facts.setTier(account.getTier().name());
        facts.setOwnerId(account.getOwnerId());
    }
}
