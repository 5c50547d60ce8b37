package dev.accountflow.book;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Contact;
import dev.accountflow.account.ContactRole;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.SubscriptionStatus;
import dev.accountflow.account.SubscriptionTerms;
import dev.accountflow.account.TouchPoint;
import dev.accountflow.health.HealthService;
import dev.accountflow.health.RiskFlag;
import dev.accountflow.money.SalesDates;
import dev.accountflow.opportunity.Opportunity;
import dev.accountflow.opportunity.OpportunityService;
import dev.accountflow.plan.AccountPlans;
import dev.accountflow.plan.PlanObjective;
import dev.accountflow.plan.PlanReview;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.rules.DecisionRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the account page shows about one account, read for that account only: its subscriptions and their
 * terms, people and touch points, opportunities, open tasks, risk flags, plan, and the decisions made about it.
 */
@Component
class AccountPage {

    private final AccountService accounts;
    private final SubscriptionTerms terms;
    private final HealthService health;
    private final OpportunityService opportunities;
    private final AccountPlans plans;
    private final DecisionLog decisions;
    private final TaskService tasks;
    private final HistoryService history;

    AccountPage(AccountService accounts, SubscriptionTerms terms, HealthService health, OpportunityService opportunities,
                AccountPlans plans, DecisionLog decisions, TaskService tasks, HistoryService history) {
        this.accounts = accounts;
        this.terms = terms;
        this.health = health;
        this.opportunities = opportunities;
        this.plans = plans;
        this.decisions = decisions;
        this.tasks = tasks;
        this.history = history;
    }

    record TermView(String start, String end, String arr, String outcome) {
    }

    record SubscriptionView(String product, String arr, String start, String end, String daysLeft, String status,
                            List<TermView> terms) {
    }

    record ContactView(String id, String name, String role, String email, String lastEngaged, boolean executive,
                       String left) {
    }

    record TouchPointView(String when, String kind, String contact, String note, String by) {
    }

    record OpportunityView(String name, String type, String stage, String amount, String closeDate, boolean open) {
    }

    record TaskView(String name, String waitingOn, String due, String link) {
    }

    record FlagView(String code, String severity, String reason, String rule, String raised, String resolved,
                    boolean open) {
    }

    record ObjectiveView(String id, int quarter, String objective, String measure, String target, String status,
                         String statusCode, String owner) {
    }

    record ReviewView(String when, String decision, String reviewer, String summary, String comment) {
    }

    record DecisionView(Instant at, String when, String kind, String about, String outcome, String why) {
    }

    record View(Account account, String tier, String vertical, String totalArr, List<SubscriptionView> subscriptions,
                List<ContactView> contacts, String executiveLastContact, List<TouchPointView> touchPoints,
                List<OpportunityView> opportunities, List<TaskView> openTasks, List<FlagView> flags,
                int planYear, List<ObjectiveView> objectives, List<ReviewView> reviews, List<DecisionView> timeline) {
    }

    @Transactional(readOnly = true)
    View of(Account account) {
        LocalDate today = SalesDates.today();
        List<Subscription> subscriptions = accounts.subscriptionsOf(account.getId());
        List<SubscriptionView> subscriptionViews = subscriptions.stream().map(s -> new SubscriptionView(
                s.getProduct(), Shown.money(s.getArr()), Shown.date(s.getStartDate()), Shown.date(s.getEndDate()),
                live(s) ? Shown.daysLeft(ChronoUnit.DAYS.between(today, s.getEndDate())) : "—",
                Shown.words(s.getStatus()),
                terms.termsOf(s.getId()).stream().map(t -> new TermView(Shown.date(t.getStartDate()),
                        Shown.date(t.getEndDate()), Shown.money(t.getArr()),
                        t.getOutcome() == null ? "Running" : Shown.words(t.getOutcome()))).toList())).toList();
        var totalArr = subscriptions.stream().filter(AccountPage::live).map(Subscription::getArr)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);

        List<Contact> contacts = accounts.contactsOf(account.getId());
        Map<String, String> contactNames = new HashMap<>();
        contacts.forEach(c -> contactNames.put(c.getId(), c.getName()));
        List<Contact> sponsors = contacts.stream().filter(c -> c.getRole() == ContactRole.EXECUTIVE_SPONSOR
                && !c.hasLeft()).toList();
        String executiveLastContact = sponsors.stream()
                .map(Contact::getLastEngagedAt).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .map(Shown::date).orElse(!sponsors.isEmpty() ? "never"
                        : contacts.stream().anyMatch(c -> c.getRole() == ContactRole.EXECUTIVE_SPONSOR)
                        ? "the executive sponsor left; no replacement named" : "no executive sponsor named");

        List<TouchPoint> touchPoints = accounts.touchPointsOf(account.getId());
        int year = today.getYear();
        var plan = plans.planOf(account.getId(), year);

        return new View(account, Shown.words(account.getTier()), Shown.words(account.getVertical()),
                Shown.money(totalArr), subscriptionViews,
                contacts.stream().map(c -> new ContactView(c.getId(), c.getName(), Shown.words(c.getRole()),
                        c.getEmail() == null ? "" : c.getEmail(), Shown.date(c.getLastEngagedAt()),
                        c.getRole() == ContactRole.EXECUTIVE_SPONSOR && !c.hasLeft(),
                        c.hasLeft() ? Shown.date(c.getLeftAt()) : ""))
                        .toList(),
                executiveLastContact,
                touchPoints.stream().map(t -> new TouchPointView(Shown.date(t.getOccurredAt()), Shown.words(t.getKind()),
                        contactNames.getOrDefault(t.getContactId(), "—"), t.getNote() == null ? "" : t.getNote(),
                        t.getRecordedBy())).toList(),
                opportunities.ofAccount(account.getId()).stream().map(AccountPage::opportunity).toList(),
                openTasks(account.getId(), subscriptions),
                health.flagsOf(account.getId()).stream().sorted(Comparator.comparing((RiskFlag f) -> !f.isOpen()))
                        .map(AccountPage::flag).toList(),
                year,
                plan.map(p -> p.objectives().stream().map(AccountPage::objective).toList()).orElse(List.of()),
                plan.map(p -> p.reviews().stream().map(AccountPage::review).toList()).orElse(List.of()),
                timeline(account.getId(), subscriptions));
    }

    private static boolean live(Subscription s) {
        return s.getStatus() == SubscriptionStatus.ACTIVE || s.getStatus() == SubscriptionStatus.IN_RENEWAL;
    }

    private static OpportunityView opportunity(Opportunity o) {
        return new OpportunityView(o.getName(), Shown.words(o.getType()), Shown.words(o.getStage()),
                Shown.money(o.getAmount()), Shown.date(o.getCloseDate()), o.getClosedAt() == null);
    }

    private static FlagView flag(RiskFlag f) {
        return new FlagView(f.getCode(), f.getSeverity(), f.getReason(), f.getRuleName(), Shown.date(f.getRaisedAt()),
                f.getResolvedAt() == null ? "" : Shown.date(f.getResolvedAt()), f.isOpen());
    }

    private static ObjectiveView objective(PlanObjective o) {
        return new ObjectiveView(o.getId(), o.getQuarter(), o.getObjective(), o.getMeasure(), o.getTarget(),
                Shown.words(o.getStatus()), o.getStatus().name(), o.getOwnerId());
    }

    private static ReviewView review(PlanReview r) {
        return new ReviewView(Shown.date(r.getReviewedAt()), Shown.words(r.getDecision()), r.getReviewer(),
                r.getSummary() == null ? "" : r.getSummary(), r.getReviewComment() == null ? "" : r.getReviewComment());
    }

    /** The account's processes: renewals (keyed by subscription) and its plan review cycle (keyed by the account). */
    private String[] businessKeys(String accountId, List<Subscription> subscriptions) {
        return Stream.concat(Stream.of(accountId), subscriptions.stream().map(Subscription::getId))
                .toArray(String[]::new);
    }

    private List<TaskView> openTasks(String accountId, List<Subscription> subscriptions) {
        List<TaskView> open = new ArrayList<>();
        for (String key : businessKeys(accountId, subscriptions)) {
            for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(key).orderByTaskCreateTime().asc()
                    .list()) {
                open.add(new TaskView(task.getName(), waitingOn(task),
                        task.getDueDate() == null ? "—" : Shown.date(task.getDueDate().toInstant()),
                        TasklistLinks.task(task.getId())));
            }
        }
        return open;
    }

    private String waitingOn(Task task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).toList();
        return groups.isEmpty() ? "nobody yet" : String.join(", ", groups);
    }

    /** Decisions about the account, its processes and their tasks, newest first. */
    private List<DecisionView> timeline(String accountId, List<Subscription> subscriptions) {
        List<DecisionView> timeline = new ArrayList<>();
        decisions.about("account", accountId).forEach(d -> timeline.add(decision(d, "the account")));
        List<HistoricProcessInstance> processes = new ArrayList<>();
        for (String key : businessKeys(accountId, subscriptions)) {
            processes.addAll(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list());
        }
        for (HistoricProcessInstance process : processes) {
            decisions.about("process-instance", process.getId())
                    .forEach(d -> timeline.add(decision(d, Shown.words(process.getProcessDefinitionKey()))));
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                    .processInstanceId(process.getId()).list()) {
                decisions.about("task", task.getId()).forEach(d -> timeline.add(decision(d, task.getName())));
            }
        }
        timeline.sort(Comparator.comparing(DecisionView::at).reversed());
        return timeline;
    }

    private static DecisionView decision(DecisionRecord d, String about) {
        return new DecisionView(d.getMadeAt(), Shown.dateTime(d.getMadeAt()), Shown.words(d.getDecisionType()), about,
                d.getOutcome(), DecisionLog.why(d));
    }
}
