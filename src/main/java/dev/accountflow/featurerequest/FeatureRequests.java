package dev.accountflow.featurerequest;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Contact;
import dev.accountflow.account.ContactRole;
import dev.accountflow.money.Money;
import dev.accountflow.money.SalesDates;
import dev.accountflow.notification.Letter;
import dev.accountflow.notification.Outbox;
import dev.accountflow.operations.BusinessEvents;
import dev.accountflow.opportunity.OpportunityService;
import dev.accountflow.rules.Decided;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.rules.FeatureRequestFacts;
import dev.accountflow.rules.FeatureRouting;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' feature requests: logged by the account manager, routed by the feature-routing table, linked to an open
 * request that asks for the same thing, decided by product management, and answered to the AM and the customer.
 */
@Service
public class FeatureRequests {

    static final String PROCESS = "feature-request";
    static final String SHIPPED_MESSAGE = "FeatureShipped";
    static final String LINKED_MESSAGE = "FeatureRequestLinked";
    /** The renewal process (DESIGN.md) whose tasks show the account's requests that block the renewal. */
    static final String RENEWAL_PROCESS = "renewal";
    static final String BLOCKING_RENEWAL = "blockingFeatureRequests";
    private static final Set<FeatureRequestStatus> OPEN = Set.of(FeatureRequestStatus.SUBMITTED,
            FeatureRequestStatus.TRIAGED, FeatureRequestStatus.UNDER_REVIEW);
    private static final double SIMILAR = 0.5;

    private final FeatureRequestRepository requests;
    private final AccountService accounts;
    private final OpportunityService opportunities;
    private final RuleBook rules;
    private final DecisionLog decisions;
    private final Outbox outbox;
    private final RuntimeService runtime;

    FeatureRequests(FeatureRequestRepository requests, AccountService accounts, OpportunityService opportunities,
                    RuleBook rules, DecisionLog decisions, Outbox outbox, RuntimeService runtime) {
        this.requests = requests;
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.rules = rules;
        this.decisions = decisions;
        this.outbox = outbox;
        this.runtime = runtime;
    }

    /** {@code product}: the catalog product the request is about, when the AM knows it (expansion signals read it). */
    record NewRequest(String accountId, String title, String description, String contactId, ProductArea productArea,
                      BusinessImpact businessImpact, String opportunityId, String duplicateOf, String product) {
    }

    /**
     * Logs a request for one of the signed-in AM's accounts (any account for a sales manager). Linked to an open
     * request when the AM confirmed it as a duplicate; otherwise its review process starts in the same transaction.
     */
    @Transactional
    public FeatureRequest log(NewRequest in) {
        Account account = checked(in);
        String contactId = in.contactId() == null ? defaultContact(account.getId()) : in.contactId();
        FeatureRequest master = in.duplicateOf() == null ? null : openMaster("duplicateOf", in.duplicateOf());
        FeatureRequest fresh = new FeatureRequest(account.getId(), contactId, in.title().strip(),
                in.description().strip(), in.productArea(), in.businessImpact(), in.opportunityId(),
                CurrentUser.get().userId(), ClockUtil.getCurrentTime().toInstant());
        fresh.aboutProduct(in.product() == null || in.product().isBlank() ? null : in.product().strip());
        if (master != null) {
            fresh.linkTo(master);
            FeatureRequest linked = requests.save(fresh);
            recountStake(master);
            reprioritise(master);
            showOnRenewals(List.of(linked));
            return linked;
        }
        // the saved copy is the one the routing below updates in this transaction
        FeatureRequest request = requests.save(fresh);
        runtime.startProcessInstanceByKey(PROCESS, request.getId(), Map.of("accountId", account.getId(),
                "accountName", account.getName(), "title", request.getTitle()));
        showOnRenewals(List.of(request));
        return request;
    }

    /**
     * Whether the signed-in person may log this request, as {@link #log} decides: her own account (sales managers:
     * any), a contact and an opportunity of that account. Writes nothing; returns the account.
     */
    @Transactional(readOnly = true)
    public Account checked(NewRequest in) {
        Account account = requestableAccount(in.accountId());
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

    /**
     * Someone confirms a duplicate outside the review task (the board, the API): product management and sales managers
     * for any request, an account manager for her own customers' requests; its review ends.
     */
    @Transactional
    public FeatureRequest confirmDuplicate(String requestId, String masterId) {
        CurrentUser user = CurrentUser.get();
        if (!user.isIn(CurrentUser.PRODUCT_MANAGEMENT) && !user.isIn(CurrentUser.SALES_MANAGERS)) {
            FeatureRequest request = requests.findById(requestId)
                    .orElseThrow(() -> ApiException.notFound("Feature request " + requestId));
            boolean hers = user.isIn(CurrentUser.ACCOUNT_MANAGERS) && accounts.account(request.getAccountId())
                    .map(a -> user.userId() != null && user.userId().equals(a.getOwnerId())).orElse(false);
            if (!hers) {
                throw ApiException.forbidden("Only product management or the account's manager links this request");
            }
        }
        return linkAsDuplicate(requestId, masterId, true);
    }

    /**
     * Product management confirms that an open request asks for the same as another open one: it and any requests
     * linked to it join that master, whose ARR at stake and requesting accounts grow (each account once) and whose
     * priority is routed again; the request's own review ends (by message, unless it ends from its review task).
     */
    @Transactional
    public FeatureRequest linkAsDuplicate(String requestId, String masterId, boolean endReview) {
        FeatureRequest request = requests.findById(requestId)
                .orElseThrow(() -> ApiException.notFound("Feature request " + requestId));
        if (request.getMasterId() != null) {
            throw ApiException.conflict("Already linked to another request",
                    "id: " + requestId + " is already a duplicate of " + request.getMasterId());
        }
        if (!OPEN.contains(request.getStatus())) {
            throw ApiException.conflict("Only an open request can be linked",
                    "status: " + request.getStatus() + ", decided already");
        }
        if (requestId.equals(masterId)) {
            throw ApiException.badRequest("A request cannot duplicate itself", "masterId: the request itself");
        }
        FeatureRequest master = openMaster("masterId", masterId);
        for (FeatureRequest each : requests.findByMasterIdOrderByCreatedAt(requestId)) {
            each.linkTo(master);
        }
        request.linkTo(master);
        requests.flush();
        recountStake(master);
        reprioritise(master);
        showOnRenewals(withDuplicates(master));
        if (endReview) {
            runtime.createMessageCorrelation(LINKED_MESSAGE).processInstanceBusinessKey(requestId).correlateAll();
        }
        return master;
    }

    /** Open requests of the same area whose titles share most of their words with this one: likely the same ask. */
    @Transactional(readOnly = true)
    public List<FeatureRequest> similarOpen(ProductArea area, String title) {
        return similarAmong(openOfArea(area), title);
    }

    /**
     * For each open request not yet linked, the other open requests that look like it (the board's suggestions); the
     * candidates of each area are read once for the whole page.
     */
    @Transactional(readOnly = true)
    public Map<String, List<FeatureRequest>> similarOpenTo(List<FeatureRequest> shown) {
        Map<Optional<ProductArea>, List<FeatureRequest>> candidates = new HashMap<>();
        Map<String, List<FeatureRequest>> similar = new HashMap<>();
        for (FeatureRequest request : shown) {
            if (request.getMasterId() != null || !OPEN.contains(request.getStatus())) {
                continue;
            }
            List<FeatureRequest> others = candidates.computeIfAbsent(Optional.ofNullable(request.getProductArea()),
                    area -> openOfArea(area.orElse(null))).stream()
                    .filter(r -> !r.getId().equals(request.getId())).toList();
            List<FeatureRequest> found = similarAmong(others, request.getTitle());
            if (!found.isEmpty()) {
                similar.put(request.getId(), found);
            }
        }
        return similar;
    }

    private List<FeatureRequest> openOfArea(ProductArea area) {
        return area == null
                ? requests.findByMasterIdIsNullAndProductAreaIsNullAndStatusInOrderByArrAtStakeDesc(OPEN, PageRequest.of(0, 500))
                : requests.findByMasterIdIsNullAndProductAreaAndStatusInOrderByArrAtStakeDesc(area, OPEN, PageRequest.of(0, 500));
    }

    private static List<FeatureRequest> similarAmong(List<FeatureRequest> candidates, String title) {
        Set<String> words = words(title);
        if (words.isEmpty()) {
            return List.of();
        }
        return candidates.stream().filter(r -> similarity(words, words(r.getTitle())) >= SIMILAR)
                .sorted(Comparator.comparingDouble((FeatureRequest r) -> -similarity(words, words(r.getTitle()))))
                .limit(5).toList();
    }

    /** The open requests that look like this one, a line each (reference: title, ARR at stake): for her review. */
    @Transactional(readOnly = true)
    public String similarOpenText(String requestId) {
        FeatureRequest request = master(requestId);
        String lines = similarOpen(request.getProductArea(), request.getTitle()).stream()
                .filter(r -> !r.getId().equals(request.getId()))
                .map(r -> r.getId() + ": " + r.getTitle() + ", " + Money.format(r.getArrAtStake()) + " ARR at stake, "
                        + r.getRequestingAccounts() + (r.getRequestingAccounts() == 1 ? " account" : " accounts"))
                .collect(Collectors.joining("\n"));
        return lines.isEmpty() ? "None found" : lines;
    }

    /**
     * The account's requests that block its renewal, a markdown line each (title linked to the account's requests,
     * where it stands); null when there are none, so renewal tasks show nothing.
     */
    @Transactional(readOnly = true)
    /** The blocking requests of the account a renewal's subscription (its business key) belongs to. */
    public String blockingRenewalOfSubscription(String subscriptionId) {
        return subscriptionId == null ? null : accounts.subscription(subscriptionId)
                .map(s -> blockingRenewal(s.getAccountId())).orElse(null);
    }

    public String blockingRenewal(String accountId) {
        List<FeatureRequest> blocking = requests.findByAccountIdAndBusinessImpactOrderByCreatedAt(accountId,
                BusinessImpact.BLOCKS_RENEWAL);
        if (blocking.isEmpty()) {
            return null;
        }
        return blocking.stream().map(r -> {
            FeatureRequestLine line = line(r.getMasterId() == null ? r : master(r.getId()));
            return "- [" + r.getTitle().replaceAll("[\\[\\]]", "") + "](/accounts/" + accountId + "#feature-requests): "
                    + (line.answer().isEmpty() || line.answer().startsWith("Asked") ? line.status() : line.answer());
        }).collect(Collectors.joining("\n"));
    }

    // renewals under way for these requests' accounts show where the blocking requests stand now
    private void showOnRenewals(List<FeatureRequest> changed) {
        changed.stream().filter(r -> r.getBusinessImpact() == BusinessImpact.BLOCKS_RENEWAL)
                .map(FeatureRequest::getAccountId).distinct().forEach(accountId -> {
                    String text = blockingRenewal(accountId);
                    // a renewal's business key is its subscription: found from the database, never from variables
                    accounts.subscriptionsOf(accountId).forEach(subscription -> runtime.createProcessInstanceQuery()
                            .processDefinitionKey(RENEWAL_PROCESS).processInstanceBusinessKey(subscription.getId())
                            .active().list()
                            .forEach(renewal -> runtime.setVariable(renewal.getId(), BLOCKING_RENEWAL, text)));
                });
    }

    /** A request still waiting for product management, and the facts its routing saw: for simulating table changes. */
    public record OpenRouting(String requestId, String title, String pmGroup, String priority, FeatureRequestFacts facts) {
    }

    /** One page of the open requests with their routing facts, most ARR at stake first. */
    @Transactional(readOnly = true)
    public List<OpenRouting> openRoutings(int page, int size) {
        return requests.findByMasterIdIsNullAndStatusInOrderByProductAreaAscArrAtStakeDesc(OPEN, PageRequest.of(page, size))
                .stream().map(r -> new OpenRouting(r.getId(), r.getTitle(), r.getPmGroup(), r.getPriority(), factsOf(r)))
                .toList();
    }

    /** Runs the feature-routing table over the request as stored; the decision and its rows go to the decision log. */
    @Transactional
    public Routed triage(String requestId) {
        FeatureRequest request = master(requestId);
        recountStake(request);
        RoutingDecision decided = route(request);
        FeatureRouting routing = decided.routing();
        String decisionId = decided.decisionId();
        request.routed(routing.getPmGroup(), routing.getPriority(), routing.getSlaBusinessDays());
        LocalDate today = SalesDates.today();
        LocalDate due = plusBusinessDays(today, routing.getSlaBusinessDays());
        return new Routed(routing.getPmGroup(), routing.getPriority(), routing.getSlaBusinessDays(), due,
                plusBusinessDays(due, 2), decisionId);
    }

    private record RoutingDecision(FeatureRouting routing, String decisionId) {
    }

    // the feature-routing table over the request as stored; the decision and its rows go to the decision log
    private RoutingDecision route(FeatureRequest request) {
        FeatureRequestFacts facts = factsOf(request);
        Decided<FeatureRouting> decided = rules.routeFeatureRequest(facts);
        return new RoutingDecision(decided.decision(), decisions.record("routing", "feature-request", request.getId(),
                decided.run(), facts, decided.decision()));
    }

    // more accounts asking raise the ARR at stake: the table decides the master's priority again
    private void reprioritise(FeatureRequest master) {
        master.reprioritised(route(master).routing().getPriority());
    }

    private FeatureRequest openMaster(String field, String id) {
        return requests.findById(id).filter(r -> r.getMasterId() == null).filter(r -> OPEN.contains(r.getStatus()))
                .orElseThrow(() -> ApiException.badRequest("Not an open feature request",
                        field + ": " + id + " is not an open feature request"));
    }

    // read from the database: the requesting account, the ARR at stake summed over every account asking
    private FeatureRequestFacts factsOf(FeatureRequest request) {
        Account account = accounts.account(request.getAccountId()).orElseThrow();
        FeatureRequestFacts facts = new FeatureRequestFacts();
        facts.setTitle(request.getTitle());
        facts.setProductArea(request.getProductArea() == null ? null : request.getProductArea().name());
        facts.setAccountName(account.getName());
        facts.setTier(account.getTier().name());
        facts.setVertical(account.getVertical().name());
        facts.setArrAtStake(request.getArrAtStake().doubleValue());
        facts.setRequestingAccounts(request.getRequestingAccounts());
        facts.setBlocksRenewal(requests.findByMasterIdOrderByCreatedAt(request.getId()).stream()
                .anyMatch(r -> r.getBusinessImpact() == BusinessImpact.BLOCKS_RENEWAL)
                || request.getBusinessImpact() == BusinessImpact.BLOCKS_RENEWAL);
        return facts;
    }

    /** Where the routing sent a request and by when product management answers (then escalates). */
    public record Routed(String pmGroup, String priority, int slaBusinessDays, LocalDate answerBy,
                         LocalDate escalateOn, String decisionId) {
    }

    /** Records the product manager's answer; PLANNED and DECLINED tell each requesting account's manager at once. */
    @Transactional
    public void decide(String requestId, PmDecision decision, String note, String targetRelease, String decidedBy) {
        FeatureRequest request = master(requestId);
        BusinessEvents.record("feature request decided", null, request.getId(), decidedBy, "decision", decision);
        if (decision == PmDecision.NEED_INFO) {
            request.decided(FeatureRequestStatus.UNDER_REVIEW, note, null, decidedBy, null);
            return;
        }
        FeatureRequestStatus status = decision == PmDecision.PLANNED ? FeatureRequestStatus.PLANNED
                : FeatureRequestStatus.DECLINED;
        Instant now = ClockUtil.getCurrentTime().toInstant();
        for (FeatureRequest each : withDuplicates(request)) {
            each.decided(status, note, targetRelease, decidedBy, now);
        }
        showOnRenewals(withDuplicates(request));
        // an account that asked twice hears once
        for (String accountId : requests.requestingAccountIds(request.getId())) {
            accounts.account(accountId).filter(a -> a.getOwnerId() != null).ifPresent(a ->
                    outbox.notifyUser(a.getOwnerId(), amLetter(request, a, status).notice(
                            "feature-request-" + status.name().toLowerCase(Locale.ROOT),
                            "Feature request " + words(status) + ": " + request.getTitle() + " — " + a.getName(),
                            "feature-request:" + request.getId() + ":" + accountId + ":" + status + ":am",
                            "Product management decided " + a.getName() + "'s feature request", null)));
        }
    }

    /** What the customer's contact will read once the AM releases it: shown to the AM first. */
    @Transactional(readOnly = true)
    public String customerPreview(String requestId) {
        FeatureRequest request = master(requestId);
        return customerLetter(request, contactOf(request).map(Contact::getName).orElse("there")).text();
    }

    /** The AM released the answer: each requesting contact gets it once, however often their account asked. */
    @Transactional
    public int releaseToCustomers(String requestId) {
        FeatureRequest request = master(requestId);
        int queued = 0;
        for (FeatureRequest each : withDuplicates(request)) {
            each.releasedToCustomer();
            Optional<Contact> contact = contactOf(each);
            if (contact.isPresent() && outbox.notifyAddress(contact.get().getName(), contact.get().getEmail(),
                    customerLetter(request, contact.get().getName()).notice("feature-request-customer-answer",
                            "Your request: " + request.getTitle(),
                            "feature-request:" + request.getId() + ":" + contact.get().getId() + ":"
                                    + request.getStatus() + ":customer",
                            "The account manager released product management's answer", null))) {
                queued++;
            }
        }
        return queued;
    }

    /** The product team shipped it: every requesting account's manager and contact hear of it. */
    @Transactional
    public FeatureRequest shipped(String requestId) {
        FeatureRequest request = master(requestId);
        if (request.getStatus() != FeatureRequestStatus.PLANNED) {
            throw ApiException.conflict("Only a planned request can ship",
                    "status: " + request.getStatus() + ", not PLANNED");
        }
        runtime.createMessageCorrelation(SHIPPED_MESSAGE).processInstanceBusinessKey(request.getId()).correlate();
        return request;
    }

    /** Called from the process once the SHIPPED message arrived. */
    @Transactional
    public void tellShipped(String requestId) {
        FeatureRequest request = master(requestId);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        for (FeatureRequest each : withDuplicates(request)) {
            each.shipped(now);
        }
        showOnRenewals(withDuplicates(request));
        for (FeatureRequest each : withDuplicates(request)) {
            accounts.account(each.getAccountId()).filter(a -> a.getOwnerId() != null).ifPresent(a ->
                    outbox.notifyUser(a.getOwnerId(), new Letter("Hello,", List.of("The feature " + a.getName()
                            + " asked for has shipped: " + request.getTitle() + (request.getTargetRelease() == null ? ""
                            : " (release " + request.getTargetRelease() + ")") + ".",
                            "Your customer contact has been told as well."), null).notice("feature-request-shipped",
                            "Shipped: " + request.getTitle() + " — " + a.getName(),
                            "feature-request:" + request.getId() + ":" + each.getAccountId() + ":SHIPPED:am",
                            "The requested feature shipped", null)));
            contactOf(each).ifPresent(c -> outbox.notifyAddress(c.getName(), c.getEmail(), new Letter(
                    "Dear " + c.getName() + ",", List.of("The feature you asked for is now available: "
                    + request.getTitle() + ".", "Thank you for telling us what you need."),
                    "Kind regards,\nYour account team").notice("feature-request-customer-shipped",
                    "Now available: " + request.getTitle(),
                    "feature-request:" + request.getId() + ":" + c.getId() + ":SHIPPED:customer",
                    "The requested feature shipped", null)));
        }
    }

    /** The review is past its SLA: the routed group is reminded. */
    @Transactional
    public int remindGroup(String requestId) {
        FeatureRequest request = master(requestId);
        return outbox.notifyGroup(request.getPmGroup(), new Letter("Hello,", List.of("The feature request '"
                + request.getTitle() + "' (" + request.getRequestingAccounts() + " accounts, "
                + Money.format(request.getArrAtStake()) + " ARR at stake) was due an answer within "
                + request.getSlaBusinessDays() + " business days.", "Please decide it in Tasklist."), null).notice(
                "feature-request-sla-reminder",
                "Past its SLA: " + request.getTitle() + " — " + Money.format(request.getArrAtStake()) + " ARR at stake",
                "feature-request:" + request.getId() + ":sla-reminder:" + SalesDates.today(),
                "The review passed its SLA", null));
    }

    // --- reading ---

    @Transactional(readOnly = true)
    public Page<FeatureRequest> visible(int page, int size) {
        CurrentUser user = CurrentUser.get();
        PageRequest paging = PageRequest.of(page, size);
        if (user.seesWholeBook()) {
            return requests.findAllByOrderByCreatedAtDesc(paging);
        }
        List<String> mine = accounts.visibleAccounts().stream().map(Account::getId).toList();
        return requests.findByAccountIdInOrderByCreatedAtDesc(mine.isEmpty() ? List.of("") : mine, paging);
    }

    /** The board: open and planned masters, by area, most ARR at stake first. */
    @Transactional(readOnly = true)
    public Page<FeatureRequest> board(int page, int size) {
        return requests.findByMasterIdIsNullAndStatusInOrderByProductAreaAscArrAtStakeDesc(
                Set.of(FeatureRequestStatus.TRIAGED, FeatureRequestStatus.UNDER_REVIEW, FeatureRequestStatus.PLANNED),
                PageRequest.of(page, size));
    }

    @Transactional(readOnly = true)
    public List<FeatureRequest> ofAccount(String accountId) {
        return requests.findByAccountIdOrderByCreatedAtDesc(accountId);
    }

    @Transactional(readOnly = true)
    public List<Account> requestingAccounts(String masterId) {
        return requests.requestingAccountIds(masterId).stream().map(accounts::account).flatMap(Optional::stream)
                .sorted(Comparator.comparing(Account::getName)).toList();
    }

    /** The account page's list: each request of the account with where it stands and product management's answer. */
    @Transactional(readOnly = true)
    public List<FeatureRequestLine> linesOfAccount(String accountId) {
        return requests.findByAccountIdOrderByCreatedAtDesc(accountId).stream()
                .map(r -> r.getMasterId() == null ? line(r) : line(master(r.getId()))).toList();
    }

    static FeatureRequestLine line(FeatureRequest r) {
        String answer = switch (r.getStatus()) {
            case PLANNED -> "Planned for " + r.getTargetRelease();
            case SHIPPED -> "Shipped " + SalesDates.format(LocalDate.ofInstant(r.getShippedAt(), java.time.ZoneOffset.UTC));
            case DECLINED -> "Declined: " + r.getDecisionNote();
            default -> r.getDecisionNote() == null ? "" : "Asked: " + r.getDecisionNote();
        };
        return new FeatureRequestLine(r.getId(), r.getTitle(), r.getProductArea() == null ? "Unknown area"
                : label(r.getProductArea().name()), r.getBusinessImpact().words(), label(r.getStatus().name()),
                r.getPriority() == null ? "" : r.getPriority(), Money.format(r.getArrAtStake()),
                r.getRequestingAccounts(), answer,
                SalesDates.format(LocalDate.ofInstant(r.getCreatedAt(), java.time.ZoneOffset.UTC)));
    }

    private static String label(String constant) {
        String text = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // --- internals ---

    /** The request, or the master it was linked to: a duplicate is decided with its master. */
    private FeatureRequest master(String requestId) {
        FeatureRequest request = requests.findById(requestId).orElseThrow(() -> ApiException.notFound("Feature request " + requestId));
        return request.getMasterId() == null ? request : requests.findById(request.getMasterId()).orElseThrow();
    }

    private List<FeatureRequest> withDuplicates(FeatureRequest master) {
        List<FeatureRequest> all = new ArrayList<>();
        all.add(master);
        all.addAll(requests.findByMasterIdOrderByCreatedAt(master.getId()));
        return all;
    }

    // each account's live ARR once, however many times it asked
    private void recountStake(FeatureRequest master) {
        List<String> accountIds = requests.requestingAccountIds(master.getId());
        master.atStake(accounts.liveArrOf(accountIds), accountIds.size());
    }

    private Account requestableAccount(String accountId) {
        CurrentUser user = CurrentUser.get();
        Account account = accounts.account(accountId).orElseThrow(() -> ApiException.badRequest("Unknown account",
                "accountId: no account " + accountId));
        boolean owner = user.userId() != null && user.userId().equals(account.getOwnerId());
        if (user.isIn(CurrentUser.SALES_MANAGERS) || (owner && user.isIn(CurrentUser.ACCOUNT_MANAGERS))) {
            return account;
        }
        throw ApiException.forbidden("Only the account's manager logs feature requests for " + account.getName());
    }

    private String defaultContact(String accountId) {
        List<Contact> contacts = accounts.contactsOf(accountId).stream().filter(c -> !c.hasLeft()).toList();
        return contacts.stream().filter(c -> c.getRole() == ContactRole.CHAMPION).findFirst()
                .or(() -> contacts.stream().filter(c -> c.getRole() == ContactRole.EXECUTIVE_SPONSOR).findFirst())
                .map(Contact::getId).orElse(null);
    }

    private Optional<Contact> contactOf(FeatureRequest request) {
        return request.getContactId() == null ? Optional.empty() : accounts.contactsOf(request.getAccountId()).stream()
                .filter(c -> c.getId().equals(request.getContactId())).findFirst();
    }

    private static String words(FeatureRequestStatus status) {
        return status == FeatureRequestStatus.PLANNED ? "planned" : "declined";
    }

    private static Letter amLetter(FeatureRequest request, Account account, FeatureRequestStatus status) {
        String answer = status == FeatureRequestStatus.PLANNED
                ? "Product management plans it" + (request.getTargetRelease() == null ? "" : " for release " + request.getTargetRelease())
                : "Product management declined it";
        return new Letter("Hello,", List.of(answer + ": " + request.getTitle() + " (asked for by " + account.getName() + ").",
                request.getDecisionNote() == null ? "" : "Their note: " + request.getDecisionNote(),
                "ARR at stake across " + request.getRequestingAccounts() + " accounts: "
                        + Money.format(request.getArrAtStake()) + ".",
                "Preview the answer to your customer and release it in Tasklist: nothing reaches the customer before."),
                null);
    }

    /** The answer the customer's contact gets once the AM releases it; its plain text is the AM's preview. */
    private static Letter customerLetter(FeatureRequest request, String contactName) {
        String answer = switch (request.getStatus()) {
            case PLANNED -> "our product team has planned it" + (request.getTargetRelease() == null ? ""
                    : " for release " + request.getTargetRelease()) + ". We will tell you when it is available.";
            case DECLINED -> "our product team will not build it for now"
                    + (request.getDecisionNote() == null ? "." : ": " + request.getDecisionNote());
            default -> "our product team is still reviewing it.";
        };
        return new Letter("Dear " + contactName + ",", List.of("Thank you for your request \"" + request.getTitle()
                + "\": " + answer), "Kind regards,\nYour account team");
    }

    static Set<String> words(String title) {
        if (title == null) {
            return Set.of();
        }
        return Arrays.stream(title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() > 2)
                .collect(Collectors.toCollection(HashSet::new));
    }

    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return (double) common.size() / all.size();
    }

    static LocalDate plusBusinessDays(LocalDate from, int days) {
        LocalDate day = from;
        int added = 0;
        while (added < days) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return day;
    }
}
