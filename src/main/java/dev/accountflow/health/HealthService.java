package dev.accountflow.health;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Contact;
import dev.accountflow.account.ContactRole;
import dev.accountflow.account.HealthSignal;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.SubscriptionStatus;
import dev.accountflow.money.SalesDates;
import dev.accountflow.rules.AccountHealthFacts;
import dev.accountflow.rules.Decided;
import dev.accountflow.rules.DecisionLog;
import dev.accountflow.rules.HealthAssessment;
import dev.accountflow.rules.HealthFinding;
import dev.accountflow.rules.RuleBook;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Asks the health rules about an account and keeps its risk flags in step with their answer. */
@Service
public class HealthService {

    private final AccountService accounts;
    private final RuleBook rules;
    private final DecisionLog decisions;
    private final RiskFlagRepository flags;

    HealthService(AccountService accounts, RuleBook rules, DecisionLog decisions, RiskFlagRepository flags) {
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
        for (HealthFinding finding : findings) {
            RiskFlag existing = open.remove(finding.code());
            if (existing != null) {
                existing.refresh(finding.severity(), finding.reason(), finding.ruleName(), decisionId);
            } else {
                flags.save(new RiskFlag(accountId, finding.code(), finding.severity(), finding.reason(),
                        finding.ruleName(), decisionId));
            }
        }
        open.values().forEach(RiskFlag::resolve);
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

    AccountHealthFacts factsOf(Account account, LocalDate today) {
        AccountHealthFacts facts = new AccountHealthFacts(account.getId(), account.getName());
        facts.setTier(account.getTier().name());
        facts.setVertical(account.getVertical().name());
        accounts.subscriptionsOf(account.getId()).stream()
                .filter(s -> s.getStatus() == SubscriptionStatus.ACTIVE || s.getStatus() == SubscriptionStatus.IN_RENEWAL)
                .map(Subscription::getEndDate)
                .min(Comparator.naturalOrder())
                .ifPresent(end -> facts.setDaysToRenewal((int) ChronoUnit.DAYS.between(today, end)));
        List<Contact> executives = accounts.contactsOf(account.getId()).stream()
                .filter(c -> c.getRole() == ContactRole.EXECUTIVE_SPONSOR).toList();
        facts.setHasExecutiveSponsor(!executives.isEmpty());
        executives.stream().map(Contact::getLastEngagedAt).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .ifPresent(last -> facts.setDaysSinceExecutiveEngagement(
                        (int) ChronoUnit.DAYS.between(last.atZone(ZoneOffset.UTC).toLocalDate(), today)));
        accounts.latestHealthSignal(account.getId()).ifPresent(signal -> apply(signal, facts));
        return facts;
    }

    private static void apply(HealthSignal signal, AccountHealthFacts facts) {
        if (signal.getActiveUsersChangePct() != null) {
            facts.setActiveUsersChangePct(signal.getActiveUsersChangePct().doubleValue());
        }
        if (signal.getOpenEscalations() != null) {
            facts.setOpenEscalations(signal.getOpenEscalations());
        }
        if (signal.getCsat() != null) {
            facts.setCsat(signal.getCsat().doubleValue());
        }
    }
}
