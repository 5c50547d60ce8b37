package dev.accountflow.plan;

import dev.accountflow.account.AccountService;
import dev.accountflow.web.ApiException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account plans: read by whoever may see the account, changed by its owner and the sales managers. */
@Service
public class AccountPlans {

    private final AccountService accounts;
    private final AccountPlanRepository plans;
    private final PlanObjectiveRepository objectives;
    private final PlanReviewRepository reviews;

    AccountPlans(AccountService accounts, AccountPlanRepository plans, PlanObjectiveRepository objectives,
                 PlanReviewRepository reviews) {
        this.accounts = accounts;
        this.plans = plans;
        this.objectives = objectives;
        this.reviews = reviews;
    }

    /** A plan with its objectives (by quarter) and its review history (newest first). */
    public record PlanView(AccountPlan plan, List<PlanObjective> objectives, List<PlanReview> reviews) {
    }

    @Transactional(readOnly = true)
    public Optional<PlanView> planOf(String accountId, int fiscalYear) {
        return plans.findByAccountIdAndFiscalYear(accountId, fiscalYear).map(plan -> new PlanView(plan,
                objectives.findByPlanIdOrderByQuarterAscCreatedAtAsc(plan.getId()),
                reviews.findByPlanIdOrderByReviewedAtDesc(plan.getId())));
    }

    @Transactional
    public PlanObjective addObjective(String accountId, int fiscalYear, int quarter, String objective, String measure,
                                      String target, String ownerId) {
        accounts.writableAccount(accountId);
        if (quarter < 1 || quarter > 4) {
            throw ApiException.badRequest("Invalid request: quarter: 1 to 4", "quarter: 1 to 4");
        }
        requireText("objective", objective, 500);
        requireText("measure", measure, 300);
        requireText("target", target, 200);
        requireText("owner", ownerId, 64);
        AccountPlan plan = planFor(accountId, fiscalYear);
        return objectives.save(new PlanObjective(plan.getId(), quarter, objective.strip(), measure.strip(),
                target.strip(), ownerId.strip()));
    }

    @Transactional
    public PlanObjective moveObjective(String accountId, String objectiveId, ObjectiveStatus status) {
        accounts.writableAccount(accountId);
        PlanObjective objective = objectives.findById(objectiveId)
                .filter(o -> plans.findById(o.getPlanId()).map(p -> p.getAccountId().equals(accountId)).orElse(false))
                .orElseThrow(() -> ApiException.notFound("Objective " + objectiveId));
        objective.moveTo(status);
        return objective;
    }

    /** The manager's answer to the account manager's update, kept in the plan of the year it was given in. */
    @Transactional
    public PlanReview recordReview(String accountId, int fiscalYear, String processInstanceId, String summary,
                                   ReviewDecision decision, String reviewer, String comment) {
        AccountPlan plan = planFor(accountId, fiscalYear);
        return reviews.save(new PlanReview(plan.getId(), processInstanceId, summary, decision, reviewer,
                comment == null || comment.isBlank() ? null : comment.strip()));
    }

    /** When the next quarterly review starts: the first day of the next quarter, 09:00. */
    static LocalDateTime nextReviewAt(LocalDate today) {
        int nextQuarterMonth = ((today.getMonthValue() - 1) / 3 + 1) * 3 + 1;
        LocalDate start = nextQuarterMonth > 12 ? LocalDate.of(today.getYear() + 1, 1, 1)
                : LocalDate.of(today.getYear(), nextQuarterMonth, 1);
        return start.atTime(LocalTime.of(9, 0));
    }

    private AccountPlan planFor(String accountId, int fiscalYear) {
        return plans.findByAccountIdAndFiscalYear(accountId, fiscalYear)
                .orElseGet(() -> plans.saveAndFlush(new AccountPlan(accountId, fiscalYear)));
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Invalid request: " + field + ": must not be blank", field + ": must not be blank");
        }
        if (value.strip().length() > max || value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw ApiException.badRequest("Invalid request: " + field + ": at most " + max + " characters of text",
                    field + ": at most " + max + " characters of text");
        }
    }
}
