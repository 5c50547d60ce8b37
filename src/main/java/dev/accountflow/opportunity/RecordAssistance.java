package dev.accountflow.opportunity;

import dev.accountflow.money.Money;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordSolutionEngineering and Task_RecordServicesEstimate: the helper's answer (notes, link, estimate) goes
 * onto the opportunity, where the stage gates and the account manager's next task see it.
 */
@Component
class RecordAssistance implements JavaDelegate {

    private final OpportunityService opportunities;

    RecordAssistance(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        String notes = text(execution.getVariable("assistNotes"));
        String link = text(execution.getVariable("attachmentLink"));
        String answer = link.isEmpty() ? notes : notes + " (" + link + ")";
        if ("Task_RecordServicesEstimate".equals(execution.getCurrentActivityId())) {
            opportunities.recordServicesEstimate(id, answer,
                    Money.require("servicesEstimate", execution.getVariable("servicesEstimate")));
        } else {
            opportunities.recordSolutionEngineering(id, answer);
        }
        opportunities.find(id).ifPresent(o -> execution.setVariable("assistanceNotes", o.getAssistanceNotes()));
        execution.setVariable("gateReasons", "");
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
