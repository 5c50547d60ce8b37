package dev.accountflow.renewal;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.SubscriptionStatus;
import dev.accountflow.health.HealthCheck;
import dev.accountflow.health.HealthService;
import dev.accountflow.notification.Notice;
import dev.accountflow.notification.Outbox;
import dev.accountflow.opportunity.OpportunityService;
import dev.accountflow.rules.Decided;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.rules.DiscountDecision;
import dev.accountflow.rules.DiscountFacts;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.security.CurrentUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the renewal process does at its automated steps; the delegates only pass variables in and out. */
@Service
public class RenewalService {

    private final AccountService accounts;
    private final HealthService health;
    private final OpportunityService opportunities;
    private final LiveRenewalRepository liveRenewals;
    private final RuleBook rules;
    private final DecisionLog decisions;
    private final Outbox outbox;
    private final TaskService tasks;

    RenewalService(AccountService accounts, HealthService health, OpportunityService opportunities,
                   LiveRenewalRepository liveRenewals, RuleBook rules, DecisionLog decisions, Outbox outbox,
                   TaskService tasks) {
        this.accounts = accounts;
        this.health = health;
        this.opportunities = opportunities;
        this.liveRenewals = liveRenewals;
        this.rules = rules;
        this.decisions = decisions;
        this.outbox = outbox;
        this.tasks = tasks;
    }

    /** Assesses the account as its renewal starts; an at-risk renewal is e-mailed to the account manager once. */
    @Transactional
    public HealthCheck assessAtStart(String processInstanceId, String accountId, String subscriptionId) {
        HealthCheck check = health.assess(accountId);
        Account account = accounts.account(accountId).orElseThrow();
        if (check.atRisk() && account.getOwnerId() != null) {
            Subscription subscription = accounts.subscription(subscriptionId).orElseThrow();
            outbox.notifyUser(account.getOwnerId(), new Notice("renewal-at-risk",
                    "At-risk renewal: " + account.getName() + " — " + subscription.getProduct(),
                    """
                    The renewal of %s (%s, ARR %s) ending %s has started, and the account is at risk:

                    %s

                    Your renewal tasks are waiting in Tasklist.
                    — AccountFlow"""
                            .formatted(account.getName(), subscription.getProduct(), subscription.getArr(),
                                    subscription.getEndDate(), check.reasons()),
                    "renewal-at-risk:" + processInstanceId,
                    "The health rules found the account at risk as its renewal started", check.decisionId()));
        }
        return check;
    }

    /** Asks the stage-gate rules whether the quoted discount needs a sales manager's approval. */
    @Transactional
    public Decided<DiscountDecision> checkDiscount(String processInstanceId, String accountId, double arr,
                                                   double discountPct) {
        DiscountFacts facts = discountFacts(accountId, arr, discountPct);
        Decided<DiscountDecision> decided = rules.checkDiscount(facts);
        decisions.record("discount-approval", "process-instance", processInstanceId, decided.run(), facts,
                decided.decision());
        return decided;
    }

    /** The facts the stage-gate rules see for a renewal quote (also used to simulate rule changes). */
    @Transactional(readOnly = true)
    public DiscountFacts discountFacts(String accountId, double arr, double discountPct) {
        String tier = accounts.account(accountId).map(a -> a.getTier().name()).orElse(null);
        return new DiscountFacts("RENEWAL", tier, arr, discountPct);
    }

    /** Writes the outcome back to the subscription and its renewal opportunity, and ends the live renewal. */
    @Transactional
    public void recordOutcome(String subscriptionId, String opportunityId, String outcomeText, Double newArr,
                              String churnReason) {
        Subscription subscription = accounts.subscription(subscriptionId).orElseThrow();
        RenewalOutcome outcome = parseOutcome(outcomeText);
        switch (outcome) {
            case RENEWED -> {
                BigDecimal arr = newArr != null ? money(newArr) : subscription.getArr();
                if (arr.signum() <= 0) {
                    throw new RenewalInputException("newArr: a renewal needs a positive ARR");
                }
                accounts.recordRenewalOutcome(subscriptionId, SubscriptionStatus.RENEWED, arr, null);
                opportunities.closeWon(opportunityId, arr);
            }
            case DOWNSOLD -> {
                if (newArr == null || newArr <= 0 || money(newArr).compareTo(subscription.getArr()) >= 0) {
                    throw new RenewalInputException("newArr: a downsell needs a new ARR above 0 and below the current "
                            + subscription.getArr());
                }
                accounts.recordRenewalOutcome(subscriptionId, SubscriptionStatus.DOWNSOLD, money(newArr), null);
                opportunities.closeWon(opportunityId, money(newArr));
            }
            case CHURNED -> {
                if (churnReason == null || churnReason.isBlank()) {
                    throw new RenewalInputException("churnReason: say why the customer is leaving");
                }
                accounts.recordRenewalOutcome(subscriptionId, SubscriptionStatus.CHURNED, null, churnReason.trim());
                opportunities.closeLost(opportunityId, churnReason.trim());
            }
        }
        liveRenewals.deleteById(subscriptionId);
    }

    /** Reminds whoever holds an overdue task of this renewal, at most once a day per task. */
    @Transactional
    public int remindOverdueTasks(String processInstanceId, String accountName, LocalDate today) {
        int queued = 0;
        List<Task> overdue = tasks.createTaskQuery().processInstanceId(processInstanceId)
                .dueBefore(Date.from(today.atStartOfDay(ZoneOffset.UTC).toInstant())).list();
        for (Task task : overdue) {
            String subject = "Overdue: " + task.getName();
            String body = "The task '%s' of the %s renewal was due %s and is still open.%n— AccountFlow"
                    .formatted(task.getName(), accountName, task.getDueDate());
            Notice notice = new Notice("task-overdue", subject, body, "task-overdue:" + task.getId() + ":" + today,
                    "The renewal's daily reminder found the task past its due date", null);
            if (task.getAssignee() != null) {
                queued += outbox.notifyUser(task.getAssignee(), notice) ? 1 : 0;
            } else {
                for (var link : tasks.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                        queued += outbox.notifyGroup(link.getGroupId(), notice);
                    }
                }
            }
        }
        return queued;
    }

    /** The renewal is still open close to its end date: the sales managers are told, once per renewal. */
    @Transactional
    public int escalate(String processInstanceId, String accountName, String product, String endDate, String ownerId) {
        return outbox.notifyGroup(CurrentUser.SALES_MANAGERS, new Notice("renewal-escalated",
                "Renewal still open: " + accountName + " — " + product + " ends " + endDate,
                """
                The renewal of %s (%s) ends %s and is still open. Account manager: %s.
                A review task is waiting for the sales managers in Tasklist.
                — AccountFlow""".formatted(accountName, product, endDate, ownerId == null ? "none" : ownerId),
                "renewal-escalated:" + processInstanceId,
                "The renewal was still open close to its end date (the renewal's escalation timer)", null));
    }

    private static RenewalOutcome parseOutcome(String text) {
        try {
            return RenewalOutcome.valueOf(text == null ? "" : text.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new RenewalInputException("outcome: choose RENEWED, DOWNSOLD or CHURNED (got '" + text + "')");
        }
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
