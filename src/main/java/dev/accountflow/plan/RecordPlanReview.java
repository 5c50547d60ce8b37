package dev.accountflow.plan;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * As Task_ReviewAccountPlan completes, the manager's answer goes into the plan's review history, and an approved
 * plan's cycle waits for the next quarter. The account is the process's business key, not a variable.
 */
@Component
class RecordPlanReview implements TaskListener {

    private final AccountPlans plans;

    RecordPlanReview(AccountPlans plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision decision;
        try {
            decision = ReviewDecision.valueOf(String.valueOf(task.getVariable("reviewDecision")));
        } catch (IllegalArgumentException e) {
            throw new FormFieldValidationException("reviewDecision", "reviewDecision: APPROVED or SENT_BACK");
        }
        Authentication signedIn = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String reviewer = signedIn != null && signedIn.getUserId() != null ? signedIn.getUserId() : task.getAssignee();
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
        Object summary = task.getVariable("planUpdate");
        Object comment = task.getVariable("reviewComment");
        plans.recordReview(task.getExecution().getProcessBusinessKey(), today.getYear(), task.getProcessInstanceId(),
                summary == null ? null : summary.toString(), decision, reviewer == null ? "unknown" : reviewer,
                comment == null ? null : comment.toString());
        task.getExecution().setVariable("reviewDecision", decision.name());
        task.getExecution().setVariable("fiscalYear", AccountPlans.nextReviewAt(today).getYear());
        task.getExecution().setVariable("nextReviewAt",
                AccountPlans.nextReviewAt(today).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    }
}
