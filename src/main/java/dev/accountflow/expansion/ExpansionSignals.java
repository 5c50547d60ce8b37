package dev.accountflow.expansion;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountPage;
import dev.accountflow.account.AccountRange;
import dev.accountflow.account.AccountService;
import dev.accountflow.money.SalesDates;
import dev.accountflow.opportunity.Opportunity;
import dev.accountflow.opportunity.OpportunityService;
import dev.accountflow.opportunity.OpportunityType;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.rules.RuleRun;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expansion suggestions: the expansion-signals table run over a page of the book (or one account) in one rule
 * session, kept one open per account, kind and product; accepted into an EXPANSION opportunity or dismissed for the
 * row's quiet period. Every suggestion, acceptance and dismissal goes to the decision log.
 */
@Service
public class ExpansionSignals {

    static final int CLOSE_IN_DAYS = 90;
    static final int MAX_REASON = 1000;

    private final SignalFacts signals;
    private final SuggestionRepository suggestions;
    private final RuleBook rules;
    private final DecisionLog decisions;
    private final AccountService accounts;
    private final OpportunityService opportunities;
    private final JdbcTemplate jdbc;

    ExpansionSignals(SignalFacts signals, SuggestionRepository suggestions, RuleBook rules, DecisionLog decisions,
                     AccountService accounts, OpportunityService opportunities, JdbcTemplate jdbc) {
        this.signals = signals;
        this.suggestions = suggestions;
        this.rules = rules;
        this.decisions = decisions;
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.jdbc = jdbc;
    }

    /** What one evaluation did: accounts seen, suggestions made, open ones the signals no longer support. */
    public record Tally(int evaluated, int suggested, int withdrawn) {
    }

    /**
     * One page of the nightly sweep, in the sweep job's transaction: the accounts after {@code afterId} up to
     * {@code lastId}, their facts in a few range scans, their open and hidden suggestions in two, one rule session.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Tally assessBatch(String afterId, String lastId) {
        return assess(signals.of(AccountRange.page(afterId, lastId)), AccountRange.page(afterId, lastId));
    }

    /** A page of the sweep read once for its parts (see {@link #assessBatch(String, String)}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Tally assessBatch(AccountPage page) {
        return page.isEmpty() ? new Tally(0, 0, 0) : assess(signals.of(page), page.range());
    }

    /** One account the same way as a page of the sweep (e.g. right after a subscription or signal changed). */
    @Transactional
    public Tally assessAccount(String accountId) {
        accounts.account(accountId).orElseThrow(() -> ApiException.notFound("Account " + accountId));
        return assess(signals.of(AccountRange.one(accountId)), AccountRange.one(accountId));
    }

    private Tally assess(List<ProductSignals> facts, AccountRange range) {
        ExpansionFindings findings = new ExpansionFindings();
        List<Object> session = new ArrayList<>(facts.size() + 1);
        session.addAll(facts);
        session.add(findings);
        RuleRun run = rules.decide(ExpansionSignalsTable.NAME, session.toArray());
        Map<String, String> openByKey = openKeys(range);
        Set<String> hidden = hiddenKeys(range);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Set<String> found = new HashSet<>();
        List<ExpansionSuggestion> fresh = new ArrayList<>();
        for (ExpansionFindings.Suggested s : findings.getSuggested()) {
            found.add(s.key());
            if (openByKey.containsKey(s.key()) || hidden.contains(s.key())) {
                continue;
            }
            ExpansionSuggestion suggestion = new ExpansionSuggestion(s, run.version(), now);
            suggestion.decidedBy(decisions.record("expansion-suggestion", "account", suggestion.getAccountId(),
                    new RuleRun(run.ruleSet(), run.version(), List.of(s.getRuleName())), s.getFacts(),
                    outcome(suggestion)));
            fresh.add(suggestion);
        }
        suggestions.saveAll(fresh);
        List<String> gone = new ArrayList<>();
        openByKey.forEach((key, id) -> {
            if (!found.contains(key)) {
                gone.add(id);
            }
        });
        int withdrawn = withdraw(gone, now);
        int accounts = (int) facts.stream().map(ProductSignals::getAccountId).distinct().count();
        return new Tally(accounts, fresh.size(), withdrawn);
    }

    // the open suggestions of the page by "account|kind|product", as keys: a quiet night loads no entities
    private Map<String, String> openKeys(AccountRange range) {
        Map<String, String> open = new HashMap<>();
        jdbc.query("select id, account_id, kind, product from expansion_suggestion where " + range.on("account_id")
                + " and status = 'OPEN'", rows -> {
                    open.put(rows.getString(2) + "|" + rows.getString(3) + "|" + rows.getString(4), rows.getString(1));
                }, range.params());
        return open;
    }

    // what the signals no longer support leaves the open list in one statement per thousand
    private int withdraw(List<String> ids, Instant at) {
        int withdrawn = 0;
        for (int from = 0; from < ids.size(); from += 1_000) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + 1_000));
            List<Object> params = new ArrayList<>(slice.size() + 1);
            params.add(java.sql.Timestamp.from(at));
            params.addAll(slice);
            withdrawn += jdbc.update("update expansion_suggestion set status = 'WITHDRAWN', decided_at = ?, "
                    + "open_key = null, version = version + 1 "
                    + "where status = 'OPEN' and id in (" + String.join(", ", java.util.Collections.nCopies(
                    slice.size(), "?")) + ")", params.toArray());
        }
        return withdrawn;
    }

    // dismissed within their quiet period, or accepted while the opportunity they opened is still open
    private Set<String> hiddenKeys(AccountRange range) {
        List<Object> params = new ArrayList<>(List.of(range.params()));
        params.add(java.sql.Date.valueOf(SalesDates.today()));
        Set<String> keys = new HashSet<>();
        jdbc.query("select s.account_id, s.kind, s.product from expansion_suggestion s "
                + "left join opportunity o on o.id = s.opportunity_id where " + range.on("s.account_id")
                + " and ((s.status = 'DISMISSED' and s.hidden_until > ?) or (s.status = 'ACCEPTED' and o.closed_at is null))",
                rs -> {
                    keys.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }, params.toArray());
        return keys;
    }

    /** The account's open suggestions, largest estimated amount first, if the signed-in person may see it. */
    @Transactional(readOnly = true)
    public List<ExpansionSuggestion> openFor(String accountId) {
        readable(accountId);
        return suggestions.findByAccountIdAndStatus(accountId, ExpansionSuggestion.Status.OPEN).stream()
                .sorted(RANKED).toList();
    }

    /** Open suggestions over a set of accounts (a page of the book), largest first; one statement. */
    @Transactional(readOnly = true)
    public List<ExpansionSuggestion> openForAccounts(List<String> accountIds, int limit) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return suggestions.findByAccountIdInAndStatus(accountIds, ExpansionSuggestion.Status.OPEN).stream()
                .sorted(RANKED).limit(limit).toList();
    }

    /** An open suggestion as a page lists it, with its account's name. */
    public record OpenSuggestion(String id, String accountId, String accountName, String kind, String kindLabel,
                                 String product, String reason, BigDecimal estimatedAmount, String ruleRow) {
    }

    /**
     * The largest open suggestions of one rep's book (null: the whole book), in one statement: what her book page
     * lists first.
     */
    @Transactional(readOnly = true)
    public List<OpenSuggestion> largestOpen(String ownerId, int limit) {
        String sql = "select s.id, s.account_id, a.name, s.kind, s.product, s.reason, s.estimated_amount, s.rule_row "
                + "from expansion_suggestion s join account a on a.id = s.account_id where s.status = 'OPEN'"
                + (ownerId == null ? "" : " and a.owner_id = ?")
                + " order by s.estimated_amount desc, s.id fetch first " + Math.max(1, Math.min(limit, 200)) + " rows only";
        return jdbc.query(sql, (rs, i) -> new OpenSuggestion(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), ExpansionSignalsTable.label(rs.getString(4)), rs.getString(5), rs.getString(6),
                rs.getBigDecimal(7), rs.getString(8)), ownerId == null ? new Object[0] : new Object[] {ownerId});
    }

    /** The account's open suggestions for its page, largest first (the caller has checked the reader may see it). */
    @Transactional(readOnly = true)
    public List<OpenSuggestion> openOnAccount(String accountId, String accountName) {
        return suggestions.findByAccountIdAndStatus(accountId, ExpansionSuggestion.Status.OPEN).stream()
                .sorted(RANKED).map(s -> new OpenSuggestion(s.getId(), accountId, accountName, s.getKind(),
                        ExpansionSignalsTable.label(s.getKind()), s.getProduct(), s.getReason(),
                        s.getEstimatedAmount(), s.getRuleRow())).toList();
    }

    /** Which account a suggestion is about, if it exists. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> accountOf(String suggestionId) {
        return suggestions.findById(suggestionId).map(ExpansionSuggestion::getAccountId);
    }

    static final Comparator<ExpansionSuggestion> RANKED = Comparator
            .comparing(ExpansionSuggestion::getEstimatedAmount, Comparator.reverseOrder())
            .thenComparing(ExpansionSuggestion::getProduct).thenComparing(ExpansionSuggestion::getKind);

    /**
     * Starts an EXPANSION opportunity through the opportunity process, pre-filled from the suggestion and linked to
     * it. Accepting again (or twice at once) returns the same opportunity.
     */
    @Transactional
    public Opportunity accept(String suggestionId) {
        ExpansionSuggestion suggestion = suggestions.lockById(suggestionId)
                .orElseThrow(() -> ApiException.notFound("Suggestion " + suggestionId));
        Account account = deciding(suggestion);
        if (suggestion.getStatus() == ExpansionSuggestion.Status.ACCEPTED) {
            return opportunities.find(suggestion.getOpportunityId()).orElseThrow();
        }
        requireOpen(suggestion);
        Opportunity opportunity = opportunities.open(new OpportunityService.NewOpportunity(account.getId(),
                OpportunityType.EXPANSION,
                OpportunityService.dealName(account.getName(), suggestion.getProduct() + " expansion"),
                suggestion.getProduct(), suggestion.getEstimatedAmount().max(BigDecimal.ONE),
                SalesDates.today().plusDays(CLOSE_IN_DAYS), null));
        String by = CurrentUser.get().userId();
        suggestion.accept(opportunity.getId(), by, ClockUtil.getCurrentTime().toInstant());
        Map<String, Object> outcome = outcome(suggestion);
        outcome.put("acceptedBy", by);
        outcome.put("opportunityId", opportunity.getId());
        decisions.record("expansion-accept", "account", suggestion.getAccountId(), ruleRow(suggestion),
                facts(suggestion), outcome);
        return opportunity;
    }

    /** Hides the suggestion for its row's quiet period, with the rep's reason. */
    @Transactional
    public ExpansionSuggestion dismiss(String suggestionId, String reason) {
        ExpansionSuggestion suggestion = suggestions.lockById(suggestionId)
                .orElseThrow(() -> ApiException.notFound("Suggestion " + suggestionId));
        deciding(suggestion);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ApiException.badRequest("Say why", "reason: is required; say why this suggestion does not fit");
        }
        if (why.length() > MAX_REASON) {
            throw ApiException.badRequest("Reason too long", "reason: at most " + MAX_REASON + " characters");
        }
        requireOpen(suggestion);
        LocalDate hiddenUntil = SalesDates.today().plusDays(suggestion.getQuietDays());
        String by = CurrentUser.get().userId();
        suggestion.dismiss(why, hiddenUntil, by, ClockUtil.getCurrentTime().toInstant());
        Map<String, Object> outcome = outcome(suggestion);
        outcome.put("dismissedBy", by);
        outcome.put("reason", why);
        outcome.put("hiddenUntil", hiddenUntil.toString());
        decisions.record("expansion-dismiss", "account", suggestion.getAccountId(), ruleRow(suggestion),
                facts(suggestion), outcome);
        return suggestion;
    }

    /** Per rep: suggestions open, accepted and dismissed, and the pipeline that came from accepted ones. */
    @Transactional(readOnly = true)
    public List<RepSummary> summaryByRep() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal[]> money = new LinkedHashMap<>();
        jdbc.query("""
                select a.owner_id, s.status, count(*) as n, coalesce(sum(s.estimated_amount), 0) as estimated,
                       coalesce(sum(case when o.closed_at is null then o.amount end), 0) as pipeline,
                       coalesce(sum(case when o.stage = 'CLOSED_WON' then o.amount end), 0) as won
                  from expansion_suggestion s
                  join account a on a.id = s.account_id
                  left join opportunity o on o.id = s.opportunity_id
                 group by a.owner_id, s.status
                 order by a.owner_id""", rs -> {
            String rep = rs.getString("owner_id");
            long[] c = counts.computeIfAbsent(rep, r -> new long[3]);
            BigDecimal[] m = money.computeIfAbsent(rep, r -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO});
            switch (ExpansionSuggestion.Status.valueOf(rs.getString("status"))) {
                case OPEN -> {
                    c[0] += rs.getLong("n");
                    m[0] = m[0].add(rs.getBigDecimal("estimated"));
                }
                case ACCEPTED -> {
                    c[1] += rs.getLong("n");
                    m[1] = m[1].add(rs.getBigDecimal("pipeline"));
                    m[2] = m[2].add(rs.getBigDecimal("won"));
                }
                case DISMISSED -> c[2] += rs.getLong("n");
                case WITHDRAWN -> {
                    // the signal went away before anyone decided: not counted for the rep
                }
            }
        });
        List<RepSummary> rows = new ArrayList<>();
        counts.forEach((rep, c) -> {
            BigDecimal[] m = money.get(rep);
            rows.add(new RepSummary(rep, c[0], m[0], c[1], c[2], m[1], m[2]));
        });
        return rows;
    }

    /** One rep's line of the summary: open suggestions (and their estimate), decisions, and the sourced pipeline. */
    public record RepSummary(String ownerId, long open, BigDecimal openEstimate, long accepted, long dismissed,
                             BigDecimal pipeline, BigDecimal closedWon) {
    }

    /**
     * The open pipeline that came from accepted suggestions, closing between the two days (one rep's, or everyone's
     * when {@code ownerId} is null): its own figure on the forecast.
     */
    @Transactional(readOnly = true)
    public BigDecimal pipelineFromSignals(LocalDate from, LocalDate to, String ownerId) {
        String sql = "select coalesce(sum(o.amount), 0) from expansion_suggestion s join opportunity o on "
                + "o.id = s.opportunity_id where s.status = 'ACCEPTED' and o.closed_at is null "
                + "and o.close_date >= ? and o.close_date <= ?" + (ownerId == null ? "" : " and o.owner_id = ?");
        Object[] params = ownerId == null ? new Object[] {java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)}
                : new Object[] {java.sql.Date.valueOf(from), java.sql.Date.valueOf(to), ownerId};
        return jdbc.queryForObject(sql, BigDecimal.class, params);
    }

    /** The account, if the signed-in person may see it: 404 for no such account, 403 for another rep's book. */
    Account readable(String accountId) {
        Account account = accounts.account(accountId).orElseThrow(() -> ApiException.notFound("Account " + accountId));
        CurrentUser user = CurrentUser.get();
        if (!user.seesWholeBook() && (user.userId() == null || !user.userId().equals(account.getOwnerId()))) {
            throw ApiException.forbidden("Account " + accountId + " is in another account manager's book");
        }
        return account;
    }

    // the account's owner (an account manager) or a sales manager decides on a suggestion
    private Account deciding(ExpansionSuggestion suggestion) {
        Account account = accounts.account(suggestion.getAccountId()).orElseThrow();
        CurrentUser user = CurrentUser.get();
        boolean owner = user.userId() != null && user.userId().equals(account.getOwnerId())
                && user.isIn(CurrentUser.ACCOUNT_MANAGERS);
        if (!owner && !user.isIn(CurrentUser.SALES_MANAGERS)) {
            throw ApiException.forbidden("Suggestion " + suggestion.getId()
                    + " is for an account in another account manager's book");
        }
        return account;
    }

    private static void requireOpen(ExpansionSuggestion suggestion) {
        if (suggestion.getStatus() != ExpansionSuggestion.Status.OPEN) {
            throw ApiException.conflict("Suggestion " + suggestion.getStatus().name().toLowerCase(),
                    "id: the suggestion was " + suggestion.getStatus().name().toLowerCase()
                            + "; only an open suggestion can be accepted or dismissed");
        }
    }

    private static RuleRun ruleRow(ExpansionSuggestion s) {
        return new RuleRun(ExpansionSignalsTable.NAME, s.getRuleSetVersion(), List.of(s.getRuleRow()));
    }

    private static Map<String, Object> facts(ExpansionSuggestion s) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("suggestionId", s.getId());
        facts.put("accountId", s.getAccountId());
        facts.put("suggestedBy", s.getDecisionId());
        return facts;
    }

    private static Map<String, Object> outcome(ExpansionSuggestion s) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("suggestionId", s.getId());
        outcome.put("kind", s.getKind());
        outcome.put("product", s.getProduct());
        outcome.put("estimatedAmount", s.getEstimatedAmount());
        outcome.put("reason", s.getReason());
        outcome.put("quietDays", s.getQuietDays());
        return outcome;
    }
}
