package dev.accountflow.renewal;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.SubscriptionStatus;
import dev.accountflow.account.SubscriptionTerms;
import dev.accountflow.health.HealthCheck;
import dev.accountflow.health.HealthService;
import dev.accountflow.money.Money;
import dev.accountflow.money.SalesDates;
import dev.accountflow.notification.Notice;
import dev.accountflow.notification.Outbox;
import dev.accountflow.notification.RuleDecidedNotices;
import dev.accountflow.opportunity.Opportunity;
import dev.accountflow.opportunity.OpportunityService;
import dev.accountflow.rules.Decided;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.rules.DiscountDecision;
import dev.accountflow.rules.DiscountFacts;
import dev.accountflow.rules.NoticeDecision;
import dev.accountflow.rules.NoticeFacts;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.security.CurrentUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the renewal process does at its automated steps. Which subscription, account, opportunity and quote a
 * renewal is about comes from the database by the process's business key (the subscription id); only what a
 * form takes (the proposed ARR, the outcome, ...) comes from the task completion.
 */
@Service
public class RenewalService {

    private static final Logger log = LoggerFactory.getLogger(RenewalService.class);
    static final int DEFAULT_TERM_MONTHS = 12;
    static final int LONGEST_TERM_MONTHS = 60;
    private static final int SUBJECT_LENGTH = 300;

    private final AccountService accounts;
    private final SubscriptionTerms terms;
    private final HealthService health;
    private final OpportunityService opportunities;
    private final LiveRenewalRepository liveRenewals;
    private final RenewalQuoteRepository quotes;
    private final RuleBook rules;
    private final DecisionLog decisions;
    private final Outbox outbox;
    private final TaskService tasks;
    private final RuleDecidedNotices notices;

    RenewalService(AccountService accounts, SubscriptionTerms terms, HealthService health,
                   OpportunityService opportunities, LiveRenewalRepository liveRenewals, RenewalQuoteRepository quotes,
                   RuleBook rules, DecisionLog decisions, Outbox outbox, TaskService tasks,
                   RuleDecidedNotices notices) {
        this.notices = notices;
        this.accounts = accounts;
        this.terms = terms;
        this.health = health;
        this.opportunities = opportunities;
        this.liveRenewals = liveRenewals;
        this.quotes = quotes;
        this.rules = rules;
        this.decisions = decisions;
        this.outbox = outbox;
        this.tasks = tasks;
    }

    /** Assesses the account as its renewal starts; an at-risk renewal is e-mailed to the account manager once. */
    @Transactional
    public HealthCheck assessAtStart(String processInstanceId, String subscriptionId) {
        Subscription subscription = subscription(subscriptionId);
        Account account = accounts.account(subscription.getAccountId()).orElseThrow();
        HealthCheck check = health.assess(account.getId());
        if (check.atRisk() && account.getOwnerId() != null) {
            outbox.notifyUser(account.getOwnerId(), new Notice("renewal-at-risk",
                    subject("At-risk renewal: " + account.getName() + " — " + subscription.getProduct()),
                    """
                    The renewal of %s (%s, ARR %s) ending %s has started, and the account is at risk:

                    %s

                    Your renewal tasks are waiting in Tasklist.
                    — AccountFlow"""
                            .formatted(account.getName(), subscription.getProduct(), Money.format(subscription.getArr()),
                                    SalesDates.format(subscription.getEndDate()), check.reasons()),
                    "renewal-at-risk:" + processInstanceId,
                    "The health rules found the account at risk as its renewal started", check.decisionId()));
        }
        return check;
    }

    /**
     * The rep proposes an ARR (and a term); the server computes the discount from the subscription's current ARR,
     * stores the quote and lets the stage-gate rules decide on those figures whether a manager must approve it.
     */
    @Transactional
    public RenewalQuote quote(String processInstanceId, String subscriptionId, Object proposedArrTyped,
                              Object termMonthsTyped) {
        BigDecimal proposed = amount("proposedArr", proposedArrTyped);
        if (proposed.signum() <= 0) {
            throw new RenewalInputException("proposedArr: a renewal quote needs an ARR above $0");
        }
        return quote(processInstanceId, subscription(subscriptionId), proposed, termMonths(termMonthsTyped), null);
    }

    /** The sales manager's answer to the latest quote, with who gave it. */
    @Transactional
    public void answerQuote(String processInstanceId, boolean approved, String manager, String comment) {
        latestQuote(processInstanceId).orElseThrow(() -> new IllegalStateException(
                "No quote to answer in renewal " + processInstanceId))
                .answer(approved, manager, comment == null || comment.isBlank() ? null : comment.trim());
    }

    /**
     * Checks an outcome before anything is written: the fields it needs, and that it stays within the agreed
     * quote. An ARR below the agreed quote becomes a new quote for a manager to approve; returns false then.
     */
    @Transactional
    public boolean outcomeWithinQuote(String processInstanceId, String subscriptionId, String outcomeText,
                                      Object newArrTyped, String churnReason) {
        Subscription subscription = subscription(subscriptionId);
        RenewalOutcome outcome = parseOutcome(outcomeText);
        if (outcome == RenewalOutcome.CHURNED) {
            requireReason(churnReason);
            return true;
        }
        Optional<RenewalQuote> agreed = latestQuote(processInstanceId).filter(RenewalQuote::agreed);
        BigDecimal arr = outcomeArr(outcome, subscription, agreed, newArrTyped);
        if (agreed.isPresent() && arr.compareTo(agreed.get().getProposedArr()) >= 0) {
            return true;
        }
        String reason = agreed.isPresent()
                ? "The outcome of " + Money.format(arr) + " is below the agreed quote of "
                        + Money.format(agreed.get().getProposedArr()) + "."
                : "The outcome of " + Money.format(arr) + " was never quoted.";
        RenewalQuote again = quote(processInstanceId, subscription, arr,
                agreed.map(RenewalQuote::getTermMonths).orElse(DEFAULT_TERM_MONTHS), reason);
        log.info("Renewal {} of subscription {}: {} Sent for approval.", processInstanceId, subscriptionId, reason);
        return !again.isApprovalRequired();
    }

    /**
     * Writes the outcome: RENEWED/DOWNSOLD roll the subscription into its next term at the new ARR, CHURNED ends
     * it with the reason; the renewal opportunity closes and the live renewal ends.
     */
    @Transactional
    public void recordOutcome(String processInstanceId, String subscriptionId, String outcomeText, Object newArrTyped,
                              String churnReason) {
        Subscription subscription = subscription(subscriptionId);
        RenewalOutcome outcome = parseOutcome(outcomeText);
        Opportunity opportunity = opportunityOf(processInstanceId, subscriptionId);
        if (outcome == RenewalOutcome.CHURNED) {
            String reason = requireReason(churnReason);
            terms.end(subscriptionId, reason);
            opportunities.closeLost(opportunity.getId(), reason);
        } else {
            Optional<RenewalQuote> agreed = latestQuote(processInstanceId).filter(RenewalQuote::agreed);
            BigDecimal arr = outcomeArr(outcome, subscription, agreed, newArrTyped);
            terms.startNextTerm(subscriptionId, SubscriptionStatus.valueOf(outcome.name()), arr,
                    agreed.map(RenewalQuote::getTermMonths).orElse(DEFAULT_TERM_MONTHS));
            opportunities.closeWon(opportunity.getId(), arr);
        }
        liveRenewals.release(subscriptionId, processInstanceId);
    }

    /** A renewal ended without an outcome (cancelled in Cockpit, deleted): the subscription is free to renew again. */
    @Transactional
    public void releaseEnded(String processInstanceId, String subscriptionId) {
        if (subscriptionId == null || liveRenewals.release(subscriptionId, processInstanceId) == 0) {
            return;
        }
        terms.releaseFromRenewal(subscriptionId);
        opportunities.ofSubscription(subscriptionId).stream()
                .filter(o -> processInstanceId.equals(o.getProcessInstanceId()) && o.getClosedAt() == null)
                .forEach(o -> opportunities.closeLost(o.getId(), "The renewal ended without an outcome"));
        log.info("Renewal {} of subscription {} ended without an outcome; the subscription is active again",
                processInstanceId, subscriptionId);
    }

    /** What a renewal task shows, filled by the server as the task is created: money and dates as people read them. */
    @Transactional(readOnly = true)
    public Map<String, Object> taskFigures(String processInstanceId, String subscriptionId, boolean withQuote) {
        Subscription subscription = subscription(subscriptionId);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("accountName", accountOf(subscription).getName());
        figures.put("currentArr", Money.format(subscription.getArr()));
        figures.put("endsOn", SalesDates.format(subscription.getEndDate()));
        (withQuote ? latestQuote(processInstanceId) : Optional.<RenewalQuote>empty()).ifPresent(quote -> {
            figures.put("quotedArr", Money.format(quote.getProposedArr()));
            figures.put("quotedDiscount", percent(quote.getDiscountPct()));
            figures.put("quotedTerm", quote.getTermMonths() + " months");
            figures.put("approvalReason", quote.isApprovalRequired() ? quote.getApprovalReason()
                    : "Within the account manager's discount authority");
            figures.put("approvedBy", quote.getApprovedBy() != null ? quote.getApprovedBy()
                    : quote.isApprovalRequired() ? "Not approved yet" : "No approval needed");
            figures.put("managerComment", quote.getApprovalComment() == null ? "" : quote.getApprovalComment());
        });
        return figures;
    }

    /**
     * The facts the stage-gate rules saw for a live renewal's latest quote, read from the database by the renewal's
     * business key (to simulate rule changes); empty before the rep has quoted.
     */
    @Transactional(readOnly = true)
    public Optional<DiscountFacts> quotedDiscountFacts(String processInstanceId, String subscriptionId) {
        Optional<Subscription> subscription = subscriptionId == null ? Optional.empty()
                : accounts.subscription(subscriptionId);
        Optional<RenewalQuote> quote = latestQuote(processInstanceId);
        if (subscription.isEmpty() || quote.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(discountFacts(subscription.get().getAccountId(), quote.get().getCurrentArr().doubleValue(),
                quote.get().getDiscountPct().doubleValue()));
    }

    /** The facts the stage-gate rules see for a renewal quote (also used to simulate rule changes). */
    @Transactional(readOnly = true)
    public DiscountFacts discountFacts(String accountId, double arr, double discountPct) {
        var account = accounts.account(accountId);
        return new DiscountFacts("RENEWAL", account.map(a -> a.getTier().name()).orElse(null),
                account.map(a -> a.getVertical().name()).orElse(null), arr, discountPct);
    }

    /** Reminds whoever holds an overdue task of this renewal, at most once a day per task. */
    @Transactional
    public int remindOverdueTasks(String processInstanceId, String subscriptionId, LocalDate today) {
        String accountName = accountOf(subscription(subscriptionId)).getName();
        int queued = 0;
        List<Task> overdue = tasks.createTaskQuery().processInstanceId(processInstanceId)
                .dueBefore(Date.from(today.atStartOfDay(ZoneOffset.UTC).toInstant())).list();
        for (Task task : overdue) {
            String subject = subject("Overdue: " + task.getName());
            String body = "The task '%s' of the %s renewal was due %s and is still open.%n— AccountFlow"
                    .formatted(task.getName(), accountName,
                            SalesDates.format(LocalDate.ofInstant(task.getDueDate().toInstant(), ZoneOffset.UTC)));
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

    /**
     * The renewal is still open close to its end date: the notifications table decides who hears it and when (a
     * renewal of $250,000 or more at once, others in the daily digest), once per renewal; returns how many were told.
     */
    @Transactional
    public int escalate(String processInstanceId, String subscriptionId) {
        Subscription subscription = subscription(subscriptionId);
        Account account = accountOf(subscription);
        String endsOn = SalesDates.format(subscription.getEndDate());
        NoticeFacts facts = new NoticeFacts();
        facts.setEvent(NoticeFacts.RENEWAL_ESCALATED);
        facts.setAccountId(account.getId());
        facts.setAccountName(account.getName());
        facts.setTier(account.getTier().name());
        facts.setArr(subscription.getArr());
        Decided<NoticeDecision> decided = rules.decideNotices(facts);
        if (decided.decision().getTold().isEmpty()) {
            return 0;
        }
        String decisionId = decisions.record(RuleBook.NOTIFICATIONS, "renewal", processInstanceId, decided.run(),
                facts, decided.decision().getTold());
        notices.deliver(decided.decision(), decisionId, new RuleDecidedNotices.About("renewal-escalated",
                subject("Renewal still open: " + account.getName() + " — " + subscription.getProduct() + " ends "
                        + endsOn), account.getId(), account.getName(), "renewal-escalated:" + processInstanceId, """
                        The renewal of %s (%s, ARR %s) ends %s and is still open. Account manager: %s.
                        A review task is waiting for the sales managers in Tasklist.
                        — AccountFlow""".formatted(account.getName(), subscription.getProduct(),
                        Money.format(subscription.getArr()), endsOn,
                        account.getOwnerId() == null ? "none" : account.getOwnerId())), account.getOwnerId());
        return decided.decision().getTold().size();
    }

    private RenewalQuote quote(String processInstanceId, Subscription subscription, BigDecimal proposed,
                               int termMonths, String approvalAskedBecause) {
        BigDecimal current = subscription.getArr();
        BigDecimal discount = proposed.compareTo(current) >= 0 || current.signum() <= 0 ? BigDecimal.ZERO.setScale(2)
                : current.subtract(proposed).multiply(BigDecimal.valueOf(100)).divide(current, 2, RoundingMode.HALF_UP);
        RenewalQuote quote = new RenewalQuote(subscription.getId(), processInstanceId, current, proposed, termMonths,
                discount);
        DiscountFacts facts = discountFacts(subscription.getAccountId(), current.doubleValue(), discount.doubleValue());
        Decided<DiscountDecision> decided = rules.checkDiscount(facts);
        decisions.record("discount-approval", "process-instance", processInstanceId, decided.run(), facts,
                decided.decision());
        if (approvalAskedBecause != null) {
            quote.decide(true, decided.decision().isApprovalRequired()
                    ? approvalAskedBecause + " " + decided.decision().getReason() : approvalAskedBecause);
        } else {
            quote.decide(decided.decision().isApprovalRequired(), decided.decision().getReason());
        }
        return quotes.save(quote);
    }

    Optional<RenewalQuote> latestQuote(String processInstanceId) {
        return quotes.findFirstByProcessInstanceIdOrderByCreatedAtDesc(processInstanceId);
    }

    private BigDecimal outcomeArr(RenewalOutcome outcome, Subscription subscription, Optional<RenewalQuote> agreed,
                                  Object newArrTyped) {
        boolean typed = newArrTyped != null && !newArrTyped.toString().isBlank();
        if (outcome == RenewalOutcome.DOWNSOLD) {
            BigDecimal arr = typed ? amount("newArr", newArrTyped) : null;
            if (arr == null || arr.signum() <= 0 || arr.compareTo(subscription.getArr()) >= 0) {
                throw new RenewalInputException("newArr: a downsell needs a new ARR above $0 and below the current "
                        + Money.format(subscription.getArr()));
            }
            return arr;
        }
        BigDecimal arr = typed ? amount("newArr", newArrTyped)
                : agreed.map(RenewalQuote::getProposedArr).orElse(subscription.getArr());
        if (arr.signum() <= 0) {
            throw new RenewalInputException("newArr: a renewal needs an ARR above $0");
        }
        return arr;
    }

    /**
     * The renewal reached a step (a task): its opportunity follows, as the renewal step table says. The first task
     * can come before the kick-off has put the process on the opportunity: then it is the subscription's open one.
     */
    @Transactional
    public void opportunityFollows(String processInstanceId, String subscriptionId, String step) {
        opportunities.ofSubscription(subscriptionId).stream()
                .filter(o -> o.isOpen() && (o.getProcessInstanceId() == null
                        || processInstanceId.equals(o.getProcessInstanceId())))
                .forEach(o -> opportunities.renewalReached(o.getId(), step));
    }

    private Opportunity opportunityOf(String processInstanceId, String subscriptionId) {
        return opportunities.ofSubscription(subscriptionId).stream()
                .filter(o -> processInstanceId.equals(o.getProcessInstanceId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No renewal opportunity for renewal " + processInstanceId));
    }

    private Subscription subscription(String subscriptionId) {
        return accounts.subscription(subscriptionId).orElseThrow(() -> new IllegalStateException(
                "No subscription " + subscriptionId + " for this renewal"));
    }

    private Account accountOf(Subscription subscription) {
        return accounts.account(subscription.getAccountId()).orElseThrow();
    }

    private static BigDecimal amount(String field, Object typed) {
        return Money.parse(typed).orElseThrow(() -> new RenewalInputException(Money.problem(field, typed)));
    }

    static int termMonths(Object typed) {
        if (typed == null || typed.toString().isBlank()) {
            return DEFAULT_TERM_MONTHS;
        }
        try {
            BigDecimal months = new BigDecimal(typed.toString().trim());
            if (months.stripTrailingZeros().scale() <= 0 && months.intValue() >= 1
                    && months.intValue() <= LONGEST_TERM_MONTHS) {
                return months.intValue();
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new RenewalInputException("termMonths: give a whole number of months from 1 to " + LONGEST_TERM_MONTHS
                + " (got '" + typed + "')");
    }

    private static String requireReason(String churnReason) {
        if (churnReason == null || churnReason.isBlank()) {
            throw new RenewalInputException("churnReason: say why the customer is leaving");
        }
        return churnReason.trim();
    }

    // a mail subject fits its column however long the account's and product's names are
    private static String subject(String text) {
        return text.length() <= SUBJECT_LENGTH ? text : text.substring(0, SUBJECT_LENGTH - 1) + "…";
    }

    private static String percent(BigDecimal pct) {
        return pct.stripTrailingZeros().toPlainString() + "%";
    }

    private static RenewalOutcome parseOutcome(String text) {
        try {
            return RenewalOutcome.valueOf(text == null ? "" : text.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new RenewalInputException("outcome: choose RENEWED, DOWNSOLD or CHURNED (got '" + text + "')");
        }
    }
}
