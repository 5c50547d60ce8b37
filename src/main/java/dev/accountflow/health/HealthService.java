package dev.accountflow.health;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountFigures;
import dev.accountflow.account.AccountService;
import dev.accountflow.money.SalesDates;
import dev.accountflow.rules.AccountHealthFacts;
import dev.accountflow.rules.Decided;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.rules.HealthAssessment;
import dev.accountflow.rules.HealthFinding;
import dev.accountflow.rules.RuleBook;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Asks the health rules about an account and keeps its risk flags in step with their answer. */
@Service
public class HealthService {

    private final AccountService accounts;
    private final RuleBook rules;
    private final DecisionLog decisions;
    private final RiskFlagRepository flags;
    private final JdbcTemplate jdbc;
    private final AccountFigures figures;
    private final EntityManager entities;

    HealthService(AccountService accounts, RuleBook rules, DecisionLog decisions, RiskFlagRepository flags,
                  JdbcTemplate jdbc, AccountFigures figures, EntityManager entities) {
        this.entities = entities;
        this.jdbc = jdbc;
        this.figures = figures;
        this.accounts = accounts;
        this.rules = rules;
        this.decisions = decisions;
        this.flags = flags;
    }

    /** Evaluates the account, raises new flags, refreshes still-true ones and resolves those no rule raises now. */
    @Transactional
    public HealthCheck assess(String accountId) {
        Account account = accounts.account(accountId)
                .orElseThrow(() -> new IllegalArgumentException("No account " + accountId));
        AccountHealthFacts facts = factsOf(account, SalesDates.today());
        Decided<HealthAssessment> decided = rules.assessHealth(facts);
        List<HealthFinding> findings = decided.decision().getFindings();
        String decisionId = decisions.record("health", "account", accountId, decided.run(), facts, findings);

        Map<String, RiskFlag> open = new HashMap<>();
        flags.findByAccountIdAndResolvedAtIsNull(accountId).forEach(f -> open.put(f.getCode(), f));
        boolean severitiesChanged = false;
        for (HealthFinding finding : findings) {
            RiskFlag existing = open.remove(finding.code());
            if (existing != null) {
                severitiesChanged |= !existing.getSeverity().equals(finding.severity());
                existing.refresh(finding.severity(), finding.reason(), finding.ruleName(), decisionId);
            } else {
                severitiesChanged = true;
                flags.save(new RiskFlag(accountId, finding.code(), finding.severity(), finding.reason(),
                        finding.ruleName(), decisionId));
            }
        }
        severitiesChanged |= !open.isEmpty();
        open.values().forEach(RiskFlag::resolve);
        if (severitiesChanged) {
            figures.refreshWorstFlag(accountId);
        }
        return new HealthCheck(accountId, decided.decision().isAtRisk(), List.copyOf(findings), decisionId);
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
        return factsOf(account, SalesDates.today());
    }

    /**
     * The facts of one account in one round trip: its next renewal, its executive sponsors and its latest usage
     * signal. Read with SQL, so the health check does not load every child row; the transaction's pending changes
     * (a touch point moving a contact's last engagement, say) are written first, so it reads what the caller just did.
     */
    AccountHealthFacts factsOf(Account account, LocalDate today) {
        AccountHealthFacts facts = new AccountHealthFacts(account.getId(), account.getName());
        facts.setTier(account.getTier().name());
        facts.setVertical(account.getVertical().name());
        if (entities.isJoinedToTransaction()) {
            entities.flush();
        }
        jdbc.query(FACTS, rows -> {
            Date nextEnd = rows.getDate("next_end");
            if (nextEnd != null) {
                facts.setDaysToRenewal((int) ChronoUnit.DAYS.between(today, nextEnd.toLocalDate()));
            }
            facts.setHasExecutiveSponsor(rows.getInt("sponsors") > 0);
            Timestamp lastEngaged = rows.getTimestamp("sponsor_engaged");
            if (lastEngaged != null) {
                facts.setDaysSinceExecutiveEngagement((int) ChronoUnit.DAYS.between(
                        lastEngaged.toInstant().atZone(ZoneOffset.UTC).toLocalDate(), today));
            }
            BigDecimal usage = rows.getBigDecimal("usage_change");
            if (usage != null) {
                facts.setActiveUsersChangePct(usage.doubleValue());
            }
            int escalations = rows.getInt("escalations");
            if (!rows.wasNull()) {
                facts.setOpenEscalations(escalations);
            }
            BigDecimal csat = rows.getBigDecimal("csat");
            if (csat != null) {
                facts.setCsat(csat.doubleValue());
            }
        }, Collections.nCopies(6, account.getId()).toArray());
        return facts;
    }

    private static final String LATEST_SIGNAL = "from health_signal h where h.account_id = ? "
            + "order by h.recorded_at desc fetch first 1 rows only";
    private static final String FACTS = "select "
            + "(select min(s.end_date) from subscription s where s.account_id = ? "
            + "   and s.status in ('ACTIVE', 'IN_RENEWAL')) as next_end, "
            + "(select count(*) from contact c where c.account_id = ? and c.role = 'EXECUTIVE_SPONSOR') as sponsors, "
            + "(select max(c.last_engaged_at) from contact c where c.account_id = ? "
            + "   and c.role = 'EXECUTIVE_SPONSOR') as sponsor_engaged, "
            + "(select h.active_users_change_pct " + LATEST_SIGNAL + ") as usage_change, "
            + "(select h.open_escalations " + LATEST_SIGNAL + ") as escalations, "
            + "(select h.csat " + LATEST_SIGNAL + ") as csat";
}
