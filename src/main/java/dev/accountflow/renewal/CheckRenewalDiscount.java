package dev.accountflow.renewal;

import dev.accountflow.rules.Decided;
import dev.accountflow.rules.DiscountDecision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckDiscount: the stage-gate rules say whether the quote needs a sales manager's approval. */
@Component
class CheckRenewalDiscount implements JavaDelegate {

    private final RenewalService renewals;

    CheckRenewalDiscount(RenewalService renewals) {
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Double discount = ProcessVariables.number(execution, "discountPct");
        if (discount == null || discount < 0 || discount > 100) {
            throw new RenewalInputException("discountPct: give a discount between 0 and 100 (got " + discount + ")");
        }
        Double arr = ProcessVariables.number(execution, "arr");
        Decided<DiscountDecision> decided = renewals.checkDiscount(execution.getProcessInstanceId(),
                ProcessVariables.text(execution, "accountId"), arr == null ? 0 : arr, discount);
        execution.setVariable("approvalRequired", decided.decision().isApprovalRequired());
        execution.setVariable("approvalReason", decided.decision().isApprovalRequired()
                ? decided.decision().getReason() : "Within the account manager's discount authority");
    }
}
