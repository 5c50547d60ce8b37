package dev.accountflow.opportunity;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.ContactRole;
import dev.accountflow.money.Money;
import dev.accountflow.money.SalesDates;
import dev.accountflow.notification.Notice;
import dev.accountflow.notification.Outbox;
import dev.accountflow.operations.BusinessEvents;
import dev.accountflow.rules.Decided;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.rules.StageExitDecision;
import dev.accountflow.rules.StageExitFacts;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The pipeline: opportunities and how they close. */
@Service
public class OpportunityService {

    static final int NAME_LENGTH = 300;

    static final String PROCESS = "opportunity";
    static final String ASSIST_PROCESS = "opportunity-assist";
    // the process variable the assignment rules route a colleague's assist task by
    static final String ASSISTANT = "assistantId";

    private final OpportunityRepository opportunities;
    private final StageForecastRepository stageTable;
    private final RenewalStepRepository renewalSteps;
    private final PartnerRepository partners;
    private final AccountService accounts;
    private final RuleBook ruleBook;
    private final DecisionLog decisions;
    private final Outbox outbox;
    private final RuntimeService runtime;

    OpportunityService(OpportunityRepository opportunities, StageForecastRepository stageTable,
                       RenewalStepRepository renewalSteps, PartnerRepository partners, AccountService accounts, RuleBook ruleBook, DecisionLog decisions,
                       Outbox outbox, RuntimeService runtime) {
        this.opportunities = opportunities;
        this.stageTable = stageTable;
        this.renewalSteps = renewalSteps;
        this.partners = partners;
        this.accounts = accounts;
        this.ruleBook = ruleBook;
        this.decisions = decisions;
        this.outbox = outbox;
        this.runtime = runtime;
    }

    /** What an account manager asks to open: an expansion or new business in one of her accounts. */
    public record NewOpportunity(String accountId, OpportunityType type, String name, String product,
                                 BigDecimal amount, LocalDate closeDate, String partnerId) {
    }

    /** Whether a stage move went through, and every failed exit criterion with its reason when it did not. */
    public record GateCheck(boolean passed, Stage stage, List<String> reasons) {
    }

    /**
     * Opens the opportunity in QUALIFY and starts its process (business key = opportunity id) in one transaction:
     * a refused request stores nothing and starts nothing. The account's owner owns the deal.
     */
    @Transactional
    public Opportunity open(NewOpportunity request) {
        Account account = checked(request);
        Opportunity opportunity = opportunities.save(Opportunity.growth(account.getId(), request.name(),
                request.type(), request.product(), request.amount(), request.closeDate(), request.partnerId(),
                account.getOwnerId(), stageRow(Stage.QUALIFY)));
        String processId = runtime.startProcessInstanceByKey(PROCESS, opportunity.getId(), Map.of(
                "accountId", account.getId(),
                "opportunityName", opportunity.getName(),
                "amountText", Money.format(opportunity.getAmount()),
                "stageLabel", Stage.QUALIFY.label())).getId();
        opportunity.attachProcess(processId);
        BusinessEvents.record("opportunity opened", processId, opportunity.getId(), null, "accountId",
                account.getId(), "type", opportunity.getType());
        return opportunity;
    }

    /**
     * Whether the signed-in person may open this deal, as {@link #open} decides: her own account (sales managers: any),
     * not a renewal, a close date from today, a known partner. Writes nothing; returns the account.
     */
    @Transactional(readOnly = true)
    public Account checked(NewOpportunity request) {
        Account account = accounts.account(request.accountId()).orElseThrow(() -> ApiException.badRequest(
                "Unknown account", "accountId: no account '" + request.accountId() + "'"));
        CurrentUser user = CurrentUser.get();
        if (!user.isIn(CurrentUser.SALES_MANAGERS) && !account.getOwnerId().equals(user.userId())) {
            throw ApiException.forbidden("Account " + account.getId() + " is in another account manager's book");
        }
        if (request.type() == OpportunityType.RENEWAL) {
            throw ApiException.badRequest("Renewals open themselves",
                    "type: RENEWAL opportunities are opened by the renewal process; use EXPANSION or NEW_BUSINESS");
        }
        if (request.closeDate().isBefore(SalesDates.today())) {
            throw ApiException.badRequest("Close date in the past", "closeDate: "
                    + SalesDates.format(request.closeDate()) + " is in the past; pick today or a later day");
        }
        if (request.partnerId() != null && !partners.existsById(request.partnerId())) {
            throw ApiException.badRequest("Unknown partner", "partnerId: no partner '" + request.partnerId() + "'");
        }
        return account;
    }

    /** A page of the pipeline: a rep sees her own deals, those who see the whole book see all. */
    @Transactional(readOnly = true)
    public Page<Opportunity> page(int page, int size) {
        return page(page, size, null, null);
    }

    /**
     * A page of the pipeline narrowed to one account and/or one type (null: any). A rep sees her own deals, those who
     * see the whole book see all; a rep naming another rep's account is refused.
     */
    @Transactional(readOnly = true)
    public Page<Opportunity> page(int page, int size, String accountId, OpportunityType type) {
        CurrentUser user = CurrentUser.get();
        PageRequest request = PageRequest.of(page, size, Sort.by("closeDate", "id"));
        if (accountId != null) {
            Account account = accounts.account(accountId).orElseThrow(() -> ApiException.badRequest(
                    "Unknown account", "accountId: no account '" + accountId + "'"));
            if (!user.seesWholeBook() && !account.getOwnerId().equals(user.userId())) {
                throw ApiException.forbidden("Account " + accountId + " is in another account manager's book");
            }
        }
        if (accountId == null && type == null) {
            return user.seesWholeBook() ? opportunities.findAll(request)
                    : opportunities.findByOwnerId(user.userId(), request);
        }
        return opportunities.filtered(user.seesWholeBook() ? null : user.userId(), accountId, type, request);
    }

    @Transactional(readOnly = true)
    public Optional<Opportunity> find(String id) {
        return opportunities.findById(id);
    }

    /** Adds a channel partner the reps can name on a deal (the demo's partners; later an admin page). */
    @Transactional
    public Partner addPartner(String name, String kind, String contactEmail) {
        return partners.save(new Partner(name, kind, contactEmail));
    }

    /** How many expansion and new-business deals exist, won and lost ones included. */
    @Transactional(readOnly = true)
    public long growthDealCount() {
        return opportunities.countByTypeIn(List.of(OpportunityType.EXPANSION, OpportunityType.NEW_BUSINESS));
    }

    @Transactional(readOnly = true)
    public List<Partner> partners() {
        return partners.findAll(Sort.by("name"));
    }

    /**
     * The account manager asks to leave the current stage. The stage-gate rules check the exit criteria against what
     * the database knows (executive engagement, solution engineering's answer, the compliance review); a refusal
     * keeps the stage and names every failed criterion. Either way the decision is logged.
     */
    @Transactional
    public GateCheck leaveStage(String opportunityId, boolean complianceReviewedNow) {
        Opportunity opportunity = require(opportunityId);
        if (!opportunity.isOpen()) {
            throw new IllegalStateException("Opportunity " + opportunityId + " is closed");
        }
        Instant now = SalesDates.today().atStartOfDay(ZoneOffset.UTC).toInstant();
        if (complianceReviewedNow) {
            opportunity.complianceReviewed(now);
        }
        Stage to = opportunity.getStage().next();
        Account account = accounts.account(opportunity.getAccountId()).orElseThrow();
        StageExitFacts facts = new StageExitFacts(opportunity.getType().name(), account.getVertical().name(),
                opportunity.getStage().name(), to.name(), daysSinceExecutiveEngagement(account.getId()),
                opportunity.getSeContributedAt() != null, opportunity.getComplianceReviewedAt() != null);
        facts.setTier(account.getTier().name());
        if (opportunity.getAmount() != null) {
            facts.setArr(opportunity.getAmount().doubleValue());
        }
        Decided<StageExitDecision> decided = ruleBook.checkStageExit(facts);
        decisions.record("stage-gate", "opportunity", opportunityId, decided.run(), facts, decided.decision());
        if (decided.decision().isBlocked()) {
            opportunity.blockedBecause(String.join("\n", decided.decision().getReasons()));
            return new GateCheck(false, opportunity.getStage(), decided.decision().getReasons());
        }
        if (to == Stage.CLOSED_WON) {
            opportunity.win(opportunity.getAmount());
        } else {
            opportunity.moveTo(stageRow(to));
        }
        return new GateCheck(true, opportunity.getStage(), List.of());
    }

    /**
     * A sales manager asks an account manager to assist on another rep's open deal: a task for her (routed by the
     * assignment rules) with the deal's context from the database. Returns the assist process's id.
     */
    @Transactional
    public String askColleague(String opportunityId, String assistantId, String request) {
        Opportunity opportunity = opportunities.findById(opportunityId)
                .orElseThrow(() -> ApiException.notFound("Opportunity " + opportunityId));
        if (!opportunity.isOpen()) {
            throw ApiException.conflict("Opportunity closed", "opportunityId: the deal is closed ("
                    + opportunity.getStage().label() + "); nobody can assist on it any more");
        }
        if (assistantId.equals(opportunity.getOwnerId())) {
            throw ApiException.badRequest("Ask a colleague", "assistantId: " + assistantId
                    + " owns this deal; ask another account manager");
        }
        String askedBy = CurrentUser.get().userId();
        Map<String, Object> context = new java.util.HashMap<>();
        context.put("accountId", opportunity.getAccountId());
        context.put("opportunityName", opportunity.getName());
        context.put("amountText", Money.format(opportunity.getAmount()));
        context.put("stageLabel", opportunity.getStage().label());
        context.put("closeDateText", SalesDates.format(opportunity.getCloseDate()));
        context.put("ownerId", opportunity.getOwnerId() == null ? "nobody" : opportunity.getOwnerId());
        context.put("askedBy", askedBy);
        context.put("assistRequest", request);
        context.put("assistanceNotes", opportunity.getAssistanceNotes() == null ? "" : opportunity.getAssistanceNotes());
        context.put(ASSISTANT, assistantId);
        opportunity.helpNoted(askedBy + " asked " + assistantId + " to assist: " + request);
        return runtime.startProcessInstanceByKey(ASSIST_PROCESS, opportunityId, context).getId();
    }

    /** A colleague's answer, under her name, for the owner to read on the deal. */
    @Transactional
    public void recordColleagueAssist(String opportunityId, String assistantId, String notes) {
        require(opportunityId).helpNoted(assistantId + " assisted: " + notes);
    }

    /** Solution engineering's answer (demo, technical validation) counts as their contribution for the gates. */
    @Transactional
    public void recordSolutionEngineering(String opportunityId, String notes) {
        require(opportunityId).solutionEngineeringAnswered(notes,
                SalesDates.today().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Transactional
    public void recordServicesEstimate(String opportunityId, String notes, BigDecimal estimate) {
        require(opportunityId).servicesAnswered(notes, estimate);
    }

    /** E-mails the deal's channel partner through the outbox; false when the deal names no partner. */
    @Transactional
    public boolean askPartner(String opportunityId, String request, String askedAt) {
        Opportunity opportunity = require(opportunityId);
        if (opportunity.getPartnerId() == null) {
            return false;
        }
        Partner partner = partners.findById(opportunity.getPartnerId()).orElseThrow();
        String deal = opportunity.getName() + " at " + accounts.account(opportunity.getAccountId())
                .map(Account::getName).orElse("the customer");
        String body = "Hello " + partner.getName() + ",\n\n" + opportunity.getOwnerId() + " asks for your help on "
                + deal + " (" + Money.format(opportunity.getAmount()) + ", closing "
                + SalesDates.format(opportunity.getCloseDate()) + "):\n\n" + request + "\n";
        outbox.notifyAddress("partner:" + partner.getId(), partner.getContactEmail(), new Notice("partner-assist",
                "Help asked on " + deal, body, "partner-assist:" + opportunityId + ":" + askedAt,
                "The account manager called in the deal's channel partner", null));
        opportunity.helpNoted("Partner " + partner.getName() + " asked: " + request);
        return true;
    }

    /** The period's figures per rep and type and its open deals by stage, from one aggregate query. */
    @Transactional(readOnly = true)
    public Pipeline pipeline(LocalDate from, LocalDate to, String owner) {
        Map<String, PipelineFigures> figures = new java.util.TreeMap<>();
        Map<Stage, StageFigures> stages = new java.util.EnumMap<>(Stage.class);
        for (PipelineCell c : opportunities.pipelineCells(from, to, owner)) {
            String key = c.ownerId() + "\u0000" + c.type();
            PipelineFigures cell = new PipelineFigures(c.ownerId(), c.type(), c.pipeline(), c.bestCase(), c.commit(),
                    c.closedWon(), c.weightedTimes100().movePointLeft(2));
            figures.merge(key, cell, (x, y) -> new PipelineFigures(x.ownerId(), x.type(), x.pipeline().add(y.pipeline()),
                    x.bestCase().add(y.bestCase()), x.commit().add(y.commit()), x.closedWon().add(y.closedWon()),
                    x.weightedPipeline().add(y.weightedPipeline())));
            long open = c.openCount() == null ? 0 : c.openCount();
            if (open > 0) {
                stages.merge(c.stage(), new StageFigures(c.stage(), open, c.pipeline()), (x, y) ->
                        new StageFigures(x.stage(), x.count() + y.count(), x.amount().add(y.amount())));
            }
        }
        return new Pipeline(List.copyOf(figures.values()), List.copyOf(stages.values()));
    }

    private Integer daysSinceExecutiveEngagement(String accountId) {
        return accounts.contactsOf(accountId).stream()
                .filter(c -> c.getRole() == ContactRole.EXECUTIVE_SPONSOR && !c.hasLeft() && c.getLastEngagedAt() != null)
                .map(c -> LocalDate.ofInstant(c.getLastEngagedAt(), ZoneOffset.UTC))
                .max(Comparator.naturalOrder())
                .map(last -> (int) ChronoUnit.DAYS.between(last, SalesDates.today()))
                .orElse(null);
    }

    private StageForecast stageRow(Stage stage) {
        return stageTable.findById(stage).orElseThrow(() -> new IllegalStateException("No stage table row " + stage));
    }

    /** The renewal opportunity for a subscription entering its renewal window, forecast at its current ARR. */
    @Transactional
    public Opportunity openRenewal(String accountId, String subscriptionId, String accountName, String product,
                                   BigDecimal arr, LocalDate endDate, String ownerId) {
        StageForecast row = stageRow(renewalSteps.findById(RenewalStep.OPENED).map(RenewalStep::stage)
                .orElse(Stage.DISCOVER));
        return opportunities.save(new Opportunity(accountId, subscriptionId, renewalName(accountName, product),
                OpportunityType.RENEWAL, row.stage(), arr, endDate, row.renewalProbability(), row.renewalCategory(),
                ownerId));
    }

    /**
     * The renewal reached a step (a task's definition key): its open opportunity takes the stage the renewal step
     * table gives that step, with the stage table's renewal probability and category. Steps without a row (an
     * escalation review) leave the stage as it is.
     */
    @Transactional
    public void renewalReached(String opportunityId, String step) {
        Opportunity opportunity = require(opportunityId);
        if (!opportunity.isOpen() || opportunity.getType() != OpportunityType.RENEWAL) {
            return;
        }
        renewalSteps.findById(step).ifPresent(row -> opportunity.followRenewal(stageRow(row.stage())));
    }

    /** "Account — Product renewal", shortened to the column's size so a long account name never stops a renewal. */
    static String renewalName(String accountName, String product) {
        return dealName(accountName, product + " renewal");
    }

    /** "Account — what", the account's name shortened so the whole fits an opportunity's name. */
    public static String dealName(String accountName, String what) {
        String suffix = " — " + what;
        int room = NAME_LENGTH - suffix.length();
        String account = accountName.length() <= room ? accountName : accountName.substring(0, Math.max(0, room - 1)) + "…";
        String name = account + suffix;
        return name.length() <= NAME_LENGTH ? name : name.substring(0, NAME_LENGTH);
    }

    @Transactional
    public void attachProcess(String opportunityId, String processInstanceId) {
        require(opportunityId).attachProcess(processInstanceId);
    }

    @Transactional
    public Opportunity closeWon(String opportunityId, BigDecimal amount) {
        Opportunity opportunity = require(opportunityId);
        opportunity.win(amount);
        BusinessEvents.record("opportunity closed", opportunity.getProcessInstanceId(), opportunityId, null,
                "outcome", "WON");
        return opportunity;
    }

    @Transactional
    public Opportunity closeLost(String opportunityId, String reason) {
        Opportunity opportunity = require(opportunityId);
        if (!opportunity.isOpen()) {
            return opportunity;
        }
        opportunity.lose(reason);
        BusinessEvents.record("opportunity closed", opportunity.getProcessInstanceId(), opportunityId, null,
                "outcome", "LOST");
        return opportunity;
    }

    @Transactional(readOnly = true)
    public List<Opportunity> ofSubscription(String subscriptionId) {
        return opportunities.findBySubscriptionIdOrderByCreatedAt(subscriptionId);
    }

    /** The account's opportunities, open ones first, then by close date. */
    @Transactional(readOnly = true)
    public List<Opportunity> ofAccount(String accountId) {
        return opportunities.findByAccountIdOrderByCloseDate(accountId).stream()
                .sorted(Comparator.comparing(o -> o.getClosedAt() != null)).toList();
    }

    private Opportunity require(String id) {
        return opportunities.findById(id).orElseThrow(() -> new IllegalStateException("No opportunity " + id));
    }
}
