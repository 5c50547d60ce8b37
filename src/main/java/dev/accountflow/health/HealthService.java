package dev.accountflow.health;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountFigures;
import dev.accountflow.account.AccountPage;
import dev.accountflow.account.AccountPages;
import dev.accountflow.account.AccountRange;
import dev.accountflow.account.AccountService;
import dev.accountflow.money.SalesDates;
import dev.accountflow.operations.BusinessEvents;
import dev.accountflow.rules.AccountHealthFacts;
import dev.accountflow.rules.Decided;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.rules.HealthAssessment;
import dev.accountflow.rules.HealthFinding;
import dev.accountflow.rules.RuleBook;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the health rules about accounts and keeps their risk flags in step with the answer. One account (as its
 * renewal starts, or a touch point is logged) and a batch of the sweep take the same path: set-based facts, the
 * rules, then raise / refresh / resolve against the open flags.
 */
@Service
public class HealthService {

    private final AccountService accounts;
    private final RuleBook rules;
    private final DecisionLog decisions;
    private final RiskFlagRepository flags;
    private final HealthFacts facts;
    private final HealthNotices notices;
    private final AtRiskPlaybooks playbooks;
    private final AccountFigures figures;
    private final EntityManager entities;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final AccountPages pages;

    HealthService(AccountService accounts, RuleBook rules, DecisionLog decisions, RiskFlagRepository flags,
                  HealthFacts facts, HealthNotices notices, AtRiskPlaybooks playbooks, AccountFigures figures,
                  EntityManager entities, org.camunda.bpm.engine.RuntimeService runtime, AccountPages pages) {
        this.runtime = runtime;
        this.pages = pages;
        this.notices = notices;
        this.playbooks = playbooks;
        this.entities = entities;
        this.facts = facts;
        this.figures = figures;
        this.accounts = accounts;
        this.rules = rules;
        this.decisions = decisions;
        this.flags = flags;
    }

    /** Evaluates the account, raises new flags, refreshes still-true ones and resolves those no rule raises now. */
    @Transactional
    public HealthCheck assess(String accountId) {
        accounts.account(accountId).orElseThrow(() -> new IllegalArgumentException("No account " + accountId));
        // the transaction's pending changes (a touch point moving a contact's last engagement) count
        if (entities.isJoinedToTransaction()) {
            entities.flush();
        }
        AccountHealthFacts account = facts.of(AccountRange.one(accountId), SalesDates.today()).get(0);
        List<RiskFlag> open = flags.findByAccountIdAndResolvedAtIsNull(accountId);
        Assessed assessed = apply(account, rules.assessHealth(account), open, true);
        afterwards(List.of(assessed));
        return new HealthCheck(accountId, assessed.atRisk, List.copyOf(assessed.findings), assessed.decisionId);
    }

    /**
     * One batch of the sweep: the accounts after {@code afterId} up to {@code lastId}, their facts in a few
     * statements, their open flags in one, all of them through one rule session. A decision is recorded only for
     * an account whose flags changed, so a sweep over a quiet book writes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SweepTally assessBatch(String afterId, String lastId) {
        return assessBatch(pages.read(AccountRange.page(afterId, lastId)));
    }

    /** A page of the sweep read once for its parts (see {@link #assessBatch(String, String)}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public SweepTally assessBatch(AccountPage read) {
        if (read.isEmpty()) {
            return new SweepTally(0, 0, 0);
        }
        List<AccountHealthFacts> batch = facts.of(read, SalesDates.today());
        Map<String, List<RiskFlag>> open = openFlags(read.range());
        List<Decided<HealthAssessment>> decided = rules.assessHealth(batch);
        List<Assessed> page = new ArrayList<>(batch.size());
        int raised = 0;
        int resolved = 0;
        for (int i = 0; i < batch.size(); i++) {
            AccountHealthFacts account = batch.get(i);
            Assessed assessed = apply(account, decided.get(i), open.getOrDefault(account.getAccountId(), List.of()),
                    false);
            raised += assessed.raised;
            resolved += assessed.resolved;
            page.add(assessed);
        }
        afterwards(page);
        return new SweepTally(batch.size(), raised, resolved);
    }

    /**
     * What follows a page's flag changes, each in a statement or two for the page: the account rows' worst flag,
     * playbooks for red accounts that have none running (turned red now, or red since before the sweep existed)
     * and ends for recovered ones, and the notices of the flags raised.
     */
    private void afterwards(List<Assessed> page) {
        List<String> severitiesChanged = page.stream().filter(a -> a.severitiesChanged).map(a -> a.account
                .getAccountId()).toList();
        if (!severitiesChanged.isEmpty()) {
            entities.flush();
            figures.refreshWorstFlag(severitiesChanged);
        }
        playbooks.startWhereNoneRuns(page.stream().filter(a -> a.atRisk)
                .collect(Collectors.toMap(a -> a.account, a -> a.findings, (a, b) -> a, LinkedHashMap::new)));
        page.stream().filter(a -> a.recovered).forEach(a -> playbooks.recovered(a.account.getAccountId()));
        notices.tell(page.stream().map(a -> a.raisedFlags).filter(Objects::nonNull).toList());
    }

    // the page's open flags in one statement, for the same range its facts were read for
    private Map<String, List<RiskFlag>> openFlags(AccountRange range) {
        jakarta.persistence.Query query = entities.createNativeQuery("select * from risk_flag f where "
                + range.on("f.account_id") + " and f.resolved_at is null", RiskFlag.class);
        for (int i = 0; i < range.params().length; i++) {
            query.setParameter(i + 1, range.params()[i]);
        }
        @SuppressWarnings("unchecked")
        List<RiskFlag> open = query.getResultList();
        Map<String, List<RiskFlag>> byAccount = new HashMap<>();
        open.forEach(f -> byAccount.computeIfAbsent(f.getAccountId(), k -> new ArrayList<>()).add(f));
        return byAccount;
    }

    private Assessed apply(AccountHealthFacts account, Decided<HealthAssessment> decided, List<RiskFlag> openFlags,
                           boolean alwaysRecord) {
        String accountId = account.getAccountId();
        List<HealthFinding> findings = decided.decision().getFindings();
        Map<String, RiskFlag> open = new HashMap<>();
        openFlags.forEach(f -> open.put(f.getCode(), f));

        boolean changed = alwaysRecord || open.size() != findings.size();
        for (HealthFinding finding : findings) {
            RiskFlag existing = open.get(finding.code());
            changed |= existing == null || !existing.getSeverity().equals(finding.severity())
                    || !Objects.equals(existing.getReason(), finding.reason());
        }
        Assessed assessed = new Assessed(account, decided.decision().isAtRisk(), findings);
        if (!changed) {
            return assessed;
        }
        String decisionId = decisions.record("health", "account", accountId, decided.run(), account, findings);
        assessed.decisionId = decisionId;
        boolean wasRed = openFlags.stream().anyMatch(f -> "HIGH".equals(f.getSeverity()));
        List<RiskFlag> raisedFlags = new ArrayList<>();
        for (HealthFinding finding : findings) {
            RiskFlag existing = open.remove(finding.code());
            if (existing != null) {
                assessed.severitiesChanged |= !existing.getSeverity().equals(finding.severity());
                existing.refresh(finding.severity(), finding.reason(), finding.ruleName(), decisionId);
            } else {
                assessed.severitiesChanged = true;
                assessed.raised++;
                raisedFlags.add(flags.save(new RiskFlag(accountId, finding.code(), finding.severity(),
                        finding.reason(), finding.ruleName(), decisionId)));
                BusinessEvents.record("risk flag raised", null, accountId, null, "code", finding.code(),
                        "severity", finding.severity(), "decisionId", decisionId);
            }
        }
        assessed.severitiesChanged |= !open.isEmpty();
        assessed.resolved = open.size();
        open.values().forEach(flag -> {
            flag.resolve();
            BusinessEvents.record("risk flag resolved", null, accountId, null, "code", flag.getCode(),
                    "decisionId", decisionId);
        });
        assessed.recovered = wasRed && !assessed.atRisk;
        RiskFlag turnedRedBy = wasRed ? null : raisedFlags.stream().filter(f -> "HIGH".equals(f.getSeverity()))
                .findFirst().orElse(null);
        if (!raisedFlags.isEmpty()) {
            assessed.raisedFlags = new HealthNotices.Raised(account, raisedFlags, turnedRedBy);
        }
        return assessed;
    }

    @Transactional(readOnly = true)
    public List<RiskFlag> flagsOf(String accountId) {
        return flags.findByAccountIdOrderByRaisedAtDesc(accountId);
    }

    /** The facts the health rules see for an account today (also used to simulate rule changes). */
    @Transactional(readOnly = true)
    public AccountHealthFacts currentFacts(String accountId) {
        Account account = accounts.account(accountId)
                .orElseThrow(() -> new IllegalArgumentException("No account " + accountId));
        return facts.of(AccountRange.one(account.getId()), SalesDates.today()).get(0);
    }

    /**
     * A page of the book as the health rules see it, in id order after {@code afterId} ("" for the first page): each
     * account's facts with its owner and live ARR, in a few statements for the page (a rule change simulated over a
     * book of any size, a page at a time). Empty after the last page.
     */
    @Transactional(readOnly = true)
    public List<PageFacts> factsPage(String afterId, int size) {
        AccountRange range = facts.nextPage(afterId, size);
        if (range == null) {
            return List.of();
        }
        AccountPage page = pages.read(range);
        List<AccountHealthFacts> read = facts.of(page, SalesDates.today());
        List<PageFacts> out = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            AccountPage.Row row = page.accounts().get(i);
            out.add(new PageFacts(read.get(i), row.ownerId(),
                    row.liveArr() == null ? java.math.BigDecimal.ZERO : row.liveArr()));
        }
        return out;
    }

    /** An account's health facts with who owns it and its live ARR. */
    public record PageFacts(AccountHealthFacts facts, String ownerId, java.math.BigDecimal liveArr) {
    }

    // the message that starts portfolio-health-sweep outside its nightly timer
    static final String SWEEP_ASKED = "HealthSweepAsked";

    /**
     * Asks for a portfolio sweep at once, as a sales manager can over the API (the demo's first start does, so the
     * whole demo book has its flags before the first night); returns the run id.
     */
    public String askForSweep() {
        return runtime.startProcessInstanceByMessage(SWEEP_ASKED).getId();
    }

    /** What one batch of a sweep did. */
    public record SweepTally(int evaluated, int raised, int resolved) {
    }

    private static final class Assessed {
        final AccountHealthFacts account;
        final boolean atRisk;
        final List<HealthFinding> findings;
        String decisionId;
        HealthNotices.Raised raisedFlags;
        int raised;
        int resolved;
        boolean severitiesChanged;
        boolean recovered;

        Assessed(AccountHealthFacts account, boolean atRisk, List<HealthFinding> findings) {
            this.account = account;
            this.atRisk = atRisk;
            this.findings = findings;
        }
    }
}
