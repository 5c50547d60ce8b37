package dev.accountflow.opportunity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordColleagueAssist: the colleague's answer goes onto the opportunity, under her name. */
@Component
class RecordColleagueAssist implements JavaDelegate {

    private final OpportunityService opportunities;

    RecordColleagueAssist(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object notes = execution.getVariable("assistNotes");
        // who was asked is the server's record of the request, not a form field
        opportunities.recordColleagueAssist(execution.getProcessBusinessKey(),
                (String) execution.getVariable(OpportunityService.ASSISTANT), notes == null ? "" : notes.toString().strip());
    }
}
