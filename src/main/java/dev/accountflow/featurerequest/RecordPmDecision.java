package dev.accountflow.featurerequest;

import dev.accountflow.web.ApiException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * As Task_ReviewFeatureRequest completes, the product manager's answer is stored and, for PLANNED and DECLINED, the
 * account managers are told; DUPLICATE links the request to the open one it repeats; the request is the process's business key, not a variable.
 */
@Component
class RecordPmDecision implements TaskListener {

    private final FeatureRequests requests;

    RecordPmDecision(FeatureRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        PmDecision decision;
        try {
            decision = PmDecision.valueOf(String.valueOf(task.getVariable("pmDecision")));
        } catch (IllegalArgumentException e) {
            throw new FormFieldValidationException("pmDecision", "pmDecision: PLANNED, DECLINED, NEED_INFO or DUPLICATE");
        }
        String requestId = task.getExecution().getProcessBusinessKey();
        if (decision == PmDecision.DUPLICATE) {
            linkAsDuplicate(task, requestId);
            return;
        }
        String note = text(task.getVariable("decisionNote"));
        String release = text(task.getVariable("targetRelease"));
        if (decision == PmDecision.PLANNED && release == null) {
            throw new FormFieldValidationException("targetRelease", "targetRelease: a planned request needs its target release");
        }
        if (decision != PmDecision.PLANNED && note == null) {
            throw new FormFieldValidationException("decisionNote", "decisionNote: say why, or what you need to know");
        }
        Authentication signedIn = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String who = signedIn != null && signedIn.getUserId() != null ? signedIn.getUserId() : task.getAssignee();
        requests.decide(requestId, decision, note, decision == PmDecision.PLANNED ? release : null, who);
        task.getExecution().setVariable("pmDecision", decision.name());
        if (decision != PmDecision.NEED_INFO) {
            task.getExecution().setVariable("customerPreview", requests.customerPreview(requestId));
        }
    }

    // the review ends on its own path; the master's review answers this request's account too
    private void linkAsDuplicate(DelegateTask task, String requestId) {
        String masterId = text(task.getVariable("duplicateOf"));
        if (masterId == null) {
            throw new FormFieldValidationException("duplicateOf", "duplicateOf: the reference of the open request it repeats");
        }
        try {
            requests.linkAsDuplicate(requestId, masterId, false);
        } catch (ApiException e) {
            throw new FormFieldValidationException("duplicateOf", String.join("; ", e.details()));
        }
        task.getExecution().setVariable("pmDecision", PmDecision.DUPLICATE.name());
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
