package dev.accountflow.renewal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckDiscount: the server computes the quote's discount and the stage-gate rules say whether a manager must approve it. */
@Component
class CheckRenewalDiscount implements JavaDelegate {

    private final RenewalService renewals;

    CheckRenewalDiscount(RenewalService renewals) {
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RenewalQuote quote = renewals.quote(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                execution.getVariable("proposedArr"), execution.getVariable("termMonths"));
        execution.setVariable("approvalRequired", quote.isApprovalRequired());
        execution.setVariable("discountPct", quote.getDiscountPct().doubleValue());
    }
}
