package dev.accountflow.escalation;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.notification.Letter;
import dev.accountflow.notification.Outbox;
import dev.accountflow.opportunity.OpportunityService;
import dev.accountflow.rules.Decided;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.rules.EscalationFacts;
import dev.accountflow.rules.EscalationRouting;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer escalations: raised by the account manager, routed by the escalation-routing table with an SLA in business
 * hours, acknowledged, worked and resolved by the division, confirmed with the customer or reopened by the AM. Every
 * step tells the AM through the outbox; a breached SLA tells the division's manager (and the sales managers when the
 * table says so) once.
 */
@Service
public class Escalations {

    static final String PROCESS = "customer-escalation";
    static final String CONFIRM_TASK = "Task_ConfirmWithCustomer";
    /** The renewal process (DESIGN.md) whose tasks show the account's open escalations. */
    static final String RENEWAL_PROCESS = "renewal";
    /** The deal process (DESIGN.md) whose tasks show the escalations linked to the deal. */
    static final String OPPORTUNITY_PROCESS = "opportunity";
    static final String ON_TASKS = "customerEscalations";
    static final Set<EscalationStatus> UNRESOLVED = EnumSet.of(EscalationStatus.OPEN, EscalationStatus.ACKNOWLEDGED);
    /** The groups whose members answer escalations; a member sees the queues of her groups. */
    static final List<String> ANSWERING_GROUPS = List.of("support", "services", "billing", "legal", "pm-commerce",
            "pm-analytics", "pm-platform", "pm-triage");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH);

    private final EscalationRepository escalations;
    private final EscalationEntryRepository entries;
    private final AccountService accounts;
    private final OpportunityService opportunities;
    private final RuleBook rules;
    private final DecisionLog decisions;
    private final Outbox outbox;
    private final RuntimeService runtime;
    private final TaskService tasks;

    Escalations(EscalationRepository escalations, EscalationEntryRepository entries, AccountService accounts,
                OpportunityService opportunities, RuleBook rules, DecisionLog decisions, Outbox outbox,
                RuntimeService runtime, TaskService tasks) {
        this.escalations = escalations;
        this.entries = entries;
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.rules = rules;
        this.decisions = decisions;
        this.outbox = outbox;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    public record NewEscalation(String accountId, Division division, Severity severity, String summary,
                                String customerImpact, String contactId, String opportunityId) {
    }

    /** Raises an escalation for one of the signed-in AM's accounts (any for a sales manager); its process starts. */
    @Transactional
    public Escalation raise(NewEscalation in) {
        Account account = checked(in);
        Instant now = now();
        Escalation escalation = escalations.save(new Escalation(account.getId(), in.division(), in.severity(),
                in.summary().strip(), in.customerImpact().strip(), in.contactId(), in.opportunityId(),
                CurrentUser.get().userId(), now));
        record(escalation, EntryKind.RAISED, in.severity() + " to " + words(in.division()) + ": "
                + escalation.getSummary(), escalation.getRaisedBy(), now);
        runtime.startProcessInstanceByKey(PROCESS, escalation.getId(), Map.of("accountId", account.getId(),
                "accountName", account.getName(), "summary", escalation.getSummary(),
                "customerImpact", escalation.getCustomerImpact(), "division", in.division().name(),
                "severity", in.severity().name()));
        showOnLinkedWork(escalation);
        return escalation;
    }

    /**
     * Whether the signed-in person may raise this escalation, as {@link #raise} decides: her own account (sales
     * managers: any; another rep's: 403), a contact and an opportunity of that account. Writes nothing.
     */
    @Transactional(readOnly = true)
    public Account checked(NewEscalation in) {
        CurrentUser user = CurrentUser.get();
        Account account = accounts.account(in.accountId()).orElseThrow(() -> ApiException.badRequest(
                "Unknown account", "accountId: no account " + in.accountId()));
        boolean owner = user.userId() != null && user.userId().equals(account.getOwnerId());
        if (!user.isIn(CurrentUser.SALES_MANAGERS) && !(owner && user.isIn(CurrentUser.ACCOUNT_MANAGERS))) {
            throw ApiException.forbidden("Only the account's manager raises escalations for " + account.getName());
        }
        if (in.contactId() != null && accounts.contactsOf(account.getId()).stream()
                .noneMatch(c -> c.getId().equals(in.contactId()))) {
            throw ApiException.badRequest("Unknown contact", "contactId: no contact " + in.contactId()
                    + " at account " + account.getName());
        }
        if (in.opportunityId() != null && opportunities.ofAccount(account.getId()).stream()
                .noneMatch(o -> o.getId().equals(in.opportunityId()))) {
            throw ApiException.badRequest("Unknown opportunity", "opportunityId: no opportunity " + in.opportunityId()
                    + " at account " + account.getName());
        }
        return account;
    }

    /** The SLA deadlines the process's timers wait for: a reminder half-way, the breach at the deadline. */
    public record Clock(String group, Instant acknowledgeRemindAt, Instant acknowledgeBy, Instant resolveRemindAt,
                        Instant resolveBy) {

        Map<String, Object> variables() {
            return Map.of("escalationGroup", group, "acknowledgeRemindAt", timer(acknowledgeRemindAt),
                    "acknowledgeBy", timer(acknowledgeBy), "resolveRemindAt", timer(resolveRemindAt),
                    "resolveBy", timer(resolveBy));
        }

        // ISO 8601 with its zone: the engine's own time zone does not move a deadline
        private static String timer(Instant at) {
            return at.toString();
        }
    }

    /** An escalation not yet closed and the facts its routing sees now: for simulating changes of the table. */
    public record OpenRouting(String escalationId, String summary, String group, int acknowledgeWithinHours,
                              int resolveWithinBusinessDays, EscalationFacts facts) {
    }

    /** One page of the escalations not yet closed with their routing facts, read for the page in three queries. */
    @Transactional(readOnly = true)
    public List<OpenRouting> openRoutings(int page, int size) {
        List<Escalation> open = escalations.findByStatusInOrderByCreatedAt(EnumSet.of(EscalationStatus.OPEN,
                EscalationStatus.ACKNOWLEDGED, EscalationStatus.RESOLVED), PageRequest.of(page, size));
        List<String> ids = open.stream().map(Escalation::getAccountId).distinct().toList();
        Map<String, Account> byId = accounts.accountsById(ids);
        Map<String, java.math.BigDecimal> arr = accounts.liveArrByAccount(ids);
        return open.stream().filter(e -> byId.containsKey(e.getAccountId())).map(e -> new OpenRouting(e.getId(),
                e.getSummary(), e.getRoutedGroup(), e.getAcknowledgeHours() == null ? 0 : e.getAcknowledgeHours(),
                e.getResolveDays() == null ? 0 : e.getResolveDays(), factsOf(e, byId.get(e.getAccountId()),
                arr.getOrDefault(e.getAccountId(), java.math.BigDecimal.ZERO)))).toList();
    }

    private static EscalationFacts factsOf(Escalation escalation, Account account, java.math.BigDecimal liveArr) {
        EscalationFacts facts = new EscalationFacts();
        facts.setDivision(escalation.getDivision().name());
        facts.setSeverity(escalation.getSeverity().name());
        facts.setAccountName(account.getName());
        facts.setTier(account.getTier().name());
        facts.setVertical(account.getVertical().name());
        facts.setArr(liveArr.doubleValue());
        return facts;
    }

    /** Runs the escalation-routing table over the escalation as stored; the AM hears where it went and by when. */
    @Transactional
    public Clock route(String escalationId) {
        Escalation escalation = escalation(escalationId);
        Account account = accounts.account(escalation.getAccountId()).orElseThrow();
        EscalationFacts facts = factsOf(escalation, account, accounts.liveArrOf(List.of(account.getId())));
        Decided<EscalationRouting> decided = rules.routeEscalation(facts);
        EscalationRouting routing = decided.decision();
        String decisionId = decisions.record("routing", "escalation", escalationId, decided.run(), facts, routing);
        String group = routing.getGroup() == null ? escalation.getDivision().group() : routing.getGroup();
        Instant now = now();
        Clock clock = clock(group, now, routing.getAcknowledgeWithinHours(), routing.getResolveWithinBusinessDays());
        escalation.routed(group, routing.getAcknowledgeWithinHours(), routing.getResolveWithinBusinessDays(),
                routing.isTellSalesManagers(), clock.acknowledgeBy(), clock.resolveBy());
        String sla = "acknowledge by " + shown(clock.acknowledgeBy()) + " (" + routing.getAcknowledgeWithinHours()
                + " business hours), resolve by " + shown(clock.resolveBy()) + " ("
                + routing.getResolveWithinBusinessDays() + " business days)";
        record(escalation, EntryKind.ROUTED, "Routed to " + group + ": " + sla, null, now);
        tellAm(escalation, account, "routed", "Escalation routed to " + group + " — " + account.getName(),
                List.of("Your " + escalation.getSeverity() + " escalation for " + account.getName() + " ("
                        + escalation.getSummary() + ") went to " + group + ".", "The SLA: " + sla + ".",
                        "Why: " + String.join("; ", routing.getReasons())), decisionId);
        return clock;
    }

    static Clock clock(String group, Instant from, int acknowledgeHours, int resolveDays) {
        return new Clock(group, BusinessHours.plusMinutes(from, acknowledgeHours * 30L),
                BusinessHours.plusHours(from, acknowledgeHours),
                BusinessHours.plusMinutes(from, resolveDays * BusinessHours.HOURS_A_DAY * 30L),
                BusinessHours.plusDays(from, resolveDays));
    }

    /** The division took it on; the AM hears who and when. */
    @Transactional
    public void acknowledge(String escalationId, String by, String note) {
        Escalation escalation = escalation(escalationId);
        Instant now = now();
        escalation.acknowledged(by, now, BusinessHours.between(escalation.getCreatedAt(), now));
        record(escalation, EntryKind.ACKNOWLEDGED, note, by, now);
        showOnLinkedWork(escalation);
        Account account = accounts.account(escalation.getAccountId()).orElseThrow();
        tellAm(escalation, account, "acknowledged:" + escalation.getReopened(), "Escalation acknowledged by " + by + " — " + account.getName(),
                List.of(by + " (" + escalation.getRoutedGroup() + ") acknowledged your escalation for "
                        + account.getName() + ": " + escalation.getSummary() + ".",
                        note == null ? "" : "Their note: " + note,
                        "Resolve by " + shown(escalation.getResolveBy()) + "."), null);
    }

    /** A note from the division while it works; the AM reads it on the account page and gets it by mail. */
    @Transactional
    public void addNote(String escalationId, String by, String note) {
        Escalation escalation = escalation(escalationId);
        EscalationEntry entry = record(escalation, EntryKind.NOTE, note, by, now());
        Account account = accounts.account(escalation.getAccountId()).orElseThrow();
        tellAm(escalation, account, "note:" + entry.getId(), "Note on the escalation from " + by + " — " + account.getName(),
                List.of(by + " (" + escalation.getRoutedGroup() + ") on your escalation for " + account.getName()
                        + " (" + escalation.getSummary() + "):", note), null);
    }

    /** The division says it is solved; the AM confirms it with the customer or reopens it. */
    @Transactional
    public void resolve(String escalationId, String by, String resolution) {
        Escalation escalation = escalation(escalationId);
        Instant now = now();
        escalation.resolved(by, now, resolution, BusinessHours.between(escalation.getCreatedAt(), now));
        record(escalation, EntryKind.RESOLVED, resolution, by, now);
        showOnLinkedWork(escalation);
        Account account = accounts.account(escalation.getAccountId()).orElseThrow();
        tellAm(escalation, account, "resolved:" + escalation.getReopened(), "Escalation resolved — " + account.getName(),
                List.of(by + " (" + escalation.getRoutedGroup() + ") resolved your escalation for "
                        + account.getName() + ": " + escalation.getSummary() + ".", "Resolution: " + resolution,
                        "Confirm it with the customer on the account page or in Tasklist, or reopen it with a reason."),
                null);
    }

    /** The customer confirmed: closed. */
    @Transactional
    public void close(String escalationId, String by) {
        Escalation escalation = escalation(escalationId);
        Instant now = now();
        escalation.closed(now);
        record(escalation, EntryKind.CLOSED, "Confirmed with the customer", by, now);
        showOnLinkedWork(escalation);
    }

    /** The customer says it is not solved: the division works it again under a fresh SLA and hears why. */
    @Transactional
    public Clock reopen(String escalationId, String by, String reason) {
        Escalation escalation = escalation(escalationId);
        Instant now = now();
        Clock clock = clock(escalation.getRoutedGroup(), now, escalation.getAcknowledgeHours(), escalation.getResolveDays());
        escalation.reopened(clock.acknowledgeBy(), clock.resolveBy());
        record(escalation, EntryKind.REOPENED, reason, by, now);
        showOnLinkedWork(escalation);
        Account account = accounts.account(escalation.getAccountId()).orElseThrow();
        outbox.notifyGroup(escalation.getRoutedGroup(), new Letter("Hello,", List.of(by + " reopened the "
                + escalation.getSeverity() + " escalation for " + account.getName() + ": " + escalation.getSummary()
                + ".", "Why: " + reason, "Acknowledge by " + shown(clock.acknowledgeBy()) + ", resolve by "
                + shown(clock.resolveBy()) + "."), null).notice("escalation-reopened",
                "Escalation reopened — " + account.getName(),
                "escalation:" + escalationId + ":reopened:" + escalation.getReopened(), "The customer reopened it", null));
        return clock;
    }

    /** Half the SLA is gone and the division has not acted: its group is reminded once per stage and round. */
    @Transactional
    public int remind(String escalationId, String stage) {
        Escalation escalation = escalation(escalationId);
        Account account = accounts.account(escalation.getAccountId()).orElseThrow();
        Instant deadline = "acknowledge".equals(stage) ? escalation.getAcknowledgeBy() : escalation.getResolveBy();
        int told = outbox.notifyGroup(escalation.getRoutedGroup(), new Letter("Hello,", List.of("Half the time to "
                + stage + " the " + escalation.getSeverity() + " escalation for " + account.getName() + " is gone: "
                + escalation.getSummary() + ".", "Please " + stage + " it by " + shown(deadline) + " in Tasklist."),
                null).notice("escalation-sla-reminder", "SLA reminder: " + stage + " by " + shown(deadline) + " — "
                + account.getName(), "escalation:" + escalationId + ":remind:" + stage + ":" + escalation.getReopened(),
                "Half the SLA has passed", null));
        record(escalation, EntryKind.REMINDED, "Reminded " + escalation.getRoutedGroup() + " to " + stage + " by "
                + shown(deadline), null, now());
        return told;
    }

    /**
     * The SLA is breached: the division's manager, the sales managers when the table said so, and the AM hear of it,
     * each once per escalation however many deadlines pass.
     */
    @Transactional
    public void breach(String escalationId, String stage) {
        Escalation escalation = escalation(escalationId);
        Instant now = now();
        boolean first = escalation.breached(now);
        record(escalation, EntryKind.BREACHED, "Not " + ("acknowledge".equals(stage) ? "acknowledged" : "resolved")
                + " within the SLA", null, now);
        if (!first) {
            return;
        }
        Account account = accounts.account(escalation.getAccountId()).orElseThrow();
        Instant deadline = "acknowledge".equals(stage) ? escalation.getAcknowledgeBy() : escalation.getResolveBy();
        Letter letter = new Letter("Hello,", List.of("The " + escalation.getSeverity() + " escalation for "
                + account.getName() + " (" + account.getTier().name().toLowerCase(Locale.ROOT) + ") was due to be "
                + ("acknowledge".equals(stage) ? "acknowledged" : "resolved") + " by " + shown(deadline) + " and "
                + "was not: " + escalation.getSummary() + ".", "Customer impact: " + escalation.getCustomerImpact(),
                "It waits on " + escalation.getRoutedGroup() + "; account manager: " + account.getOwnerId() + "."),
                null);
        String subject = "SLA breached: " + escalation.getSeverity() + " " + words(escalation.getDivision())
                + " escalation — " + account.getName();
        outbox.notifyGroup(escalation.getDivision().managerGroup(), letter.notice("escalation-breach", subject,
                "escalation:" + escalationId + ":breach:division-manager", "The escalation's SLA was breached", null));
        if (escalation.isTellSalesManagers()) {
            outbox.notifyGroup(CurrentUser.SALES_MANAGERS, letter.notice("escalation-breach", subject,
                    "escalation:" + escalationId + ":breach:sales-managers", "The escalation's SLA was breached", null));
        }
        tellAm(escalation, account, "breach", subject, List.of(letter.paragraphs().get(0),
                "The division's manager" + (escalation.isTellSalesManagers() ? " and the sales managers have" : " has")
                        + " been told."), null);
    }

    /**
     * The AM answers from the account page as she would in Tasklist: her confirmation task completes with only its
     * form's fields, and the process closes or reopens the escalation.
     */
    @Transactional
    public void answerFromPage(String escalationId, boolean confirmed, String reason) {
        Escalation escalation = escalations.findById(escalationId)
                .orElseThrow(() -> ApiException.notFound("Escalation " + escalationId));
        Account account = accounts.writableAccount(escalation.getAccountId());
        if (!confirmed && (reason == null || reason.isBlank())) {
            throw ApiException.badRequest("Say why it is reopened", "reopenReason: say what the customer still sees");
        }
        if (reason != null && reason.length() > 10_000) {
            throw ApiException.badRequest("Reason too long", "reopenReason: at most 10,000 characters");
        }
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(escalationId).taskDefinitionKey(CONFIRM_TASK)
                .singleResult();
        if (task == null || escalation.getStatus() != EscalationStatus.RESOLVED) {
            throw ApiException.conflict("Not waiting for the customer's answer", "status: " + escalation.getStatus()
                    + " for " + account.getName());
        }
        tasks.complete(task.getId(), confirmed ? Map.of("customerConfirmed", true)
                : Map.of("customerConfirmed", false, "reopenReason", reason.strip()));
    }

    // --- reading ---

    @Transactional(readOnly = true)
    public Escalation escalation(String id) {
        return escalations.findById(id).orElseThrow(() -> ApiException.notFound("Escalation " + id));
    }

    /** The escalations the signed-in person may see: all for the whole-book teams, her groups' for a division member, her accounts' for a rep. */
    @Transactional(readOnly = true)
    public Page<Escalation> visible(int page, int size) {
        CurrentUser user = CurrentUser.get();
        PageRequest paging = PageRequest.of(page, size);
        if (user.seesWholeBook()) {
            return escalations.findAllByOrderByCreatedAtDesc(paging);
        }
        List<String> groups = myAnsweringGroups(user);
        if (!groups.isEmpty()) {
            return escalations.findByRoutedGroupInAndStatusInOrderByAcknowledgeByAsc(groups,
                    EnumSet.allOf(EscalationStatus.class), paging);
        }
        List<String> mine = accounts.visibleAccounts().stream().map(Account::getId).toList();
        return escalations.findByAccountIdInOrderByCreatedAtDesc(mine.isEmpty() ? List.of("") : mine, paging);
    }

    /** A division's queue (what is not yet resolved, nearest deadline first) for the groups given. */
    @Transactional(readOnly = true)
    public Page<Escalation> queue(List<String> groups, int page, int size) {
        return escalations.findByRoutedGroupInAndStatusInOrderByAcknowledgeByAsc(groups.isEmpty() ? List.of("") : groups,
                UNRESOLVED, PageRequest.of(page, size));
    }

    @Transactional(readOnly = true)
    public Page<Escalation> breaches(int page, int size) {
        return escalations.findByBreachedAtIsNotNullOrderByBreachedAtDesc(PageRequest.of(page, size));
    }

    @Transactional(readOnly = true)
    public List<EscalationRepository.DivisionMonth> timesByDivisionAndMonth() {
        return escalations.timesByDivisionAndMonth(PageRequest.of(0, 120));
    }

    /** An account's escalations (a person who may see the account), newest first, each with its history. */
    @Transactional(readOnly = true)
    public List<EscalationLine> linesOfAccount(String accountId) {
        List<Escalation> found = escalations.findByAccountIdOrderByCreatedAtDesc(accountId);
        Map<String, List<EscalationEntry>> history = new java.util.HashMap<>();
        if (!found.isEmpty()) {
            entries.findByEscalationIdInOrderByHappenedAt(found.stream().map(Escalation::getId).toList())
                    .forEach(e -> history.computeIfAbsent(e.getEscalationId(), k -> new ArrayList<>()).add(e));
        }
        Instant now = now();
        return found.stream().map(e -> EscalationLine.of(e, history.getOrDefault(e.getId(), List.of()), now)).toList();
    }

    @Transactional(readOnly = true)
    public List<EscalationLine.Step> historyOf(String escalationId) {
        return entries.findByEscalationIdOrderByHappenedAt(escalationId).stream().map(EscalationLine.Step::of).toList();
    }

    static List<String> myAnsweringGroups(CurrentUser user) {
        return ANSWERING_GROUPS.stream().filter(user::isIn).toList();
    }

    /**
     * The account's escalations that are not closed, a markdown line each (severity, division, summary linked to the
     * account page, where it stands); null when there are none, so its renewal's tasks show nothing.
     */
    @Transactional(readOnly = true)
    public String openOnAccount(String accountId) {
        return lines(escalations.findByAccountIdOrderByCreatedAtDesc(accountId));
    }

    /** The open escalations linked to a deal, as {@link #openOnAccount} writes them; null when there are none. */
    @Transactional(readOnly = true)
    public String openOnDeal(String opportunityId) {
        return lines(escalations.findByOpportunityIdOrderByCreatedAtDesc(opportunityId));
    }

    private static String lines(List<Escalation> escalations) {
        Instant now = now();
        List<Escalation> open = escalations.stream().filter(e -> e.getStatus() != EscalationStatus.CLOSED).toList();
        if (open.isEmpty()) {
            return null;
        }
        return open.stream().map(e -> "- " + e.getSeverity() + " " + words(e.getDivision()) + ": ["
                + e.getSummary().replaceAll("[\\[\\]]", "") + "](/accounts/" + e.getAccountId() + "#escalations) — "
                + EscalationLine.clock(e, now)).collect(java.util.stream.Collectors.joining("\n"));
    }

    // --- internals ---

    // the account's renewal tasks and the linked deal's tasks show where its escalations stand; found from the
    // database by business key (a renewal's is its subscription, a deal's its opportunity), never from variables
    private void showOnLinkedWork(Escalation escalation) {
        String onRenewals = openOnAccount(escalation.getAccountId());
        // an account holds a handful of subscriptions: one query each
        accounts.subscriptionsOf(escalation.getAccountId()).forEach(s -> runtime.createProcessInstanceQuery()
                .processDefinitionKey(RENEWAL_PROCESS).processInstanceBusinessKey(s.getId()).active().list()
                .forEach(p -> runtime.setVariable(p.getId(), ON_TASKS, onRenewals)));
        if (escalation.getOpportunityId() != null) {
            String onDeal = openOnDeal(escalation.getOpportunityId());
            runtime.createProcessInstanceQuery().processDefinitionKey(OPPORTUNITY_PROCESS)
                    .processInstanceBusinessKey(escalation.getOpportunityId()).active().list()
                    .forEach(p -> runtime.setVariable(p.getId(), ON_TASKS, onDeal));
        }
    }

    private EscalationEntry record(Escalation escalation, EntryKind kind, String detail, String actor, Instant at) {
        return entries.save(new EscalationEntry(escalation.getId(), kind, detail, actor, at));
    }

    private void tellAm(Escalation escalation, Account account, String step, String subject, List<String> paragraphs,
                        String decisionId) {
        if (account.getOwnerId() == null) {
            return;
        }
        List<String> lines = new ArrayList<>(paragraphs);
        lines.add("The escalation and its history: /accounts/" + account.getId() + "#escalations");
        outbox.notifyUser(account.getOwnerId(), new Letter("Hello,", lines, null).notice("escalation-" + step.split(":")[0],
                subject, "escalation:" + escalation.getId() + ":" + step + ":am", "Your escalation moved on",
                decisionId));
    }

    static String shown(Instant at) {
        return at == null ? "" : CLOCK.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    static String words(Division division) {
        String text = division.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
