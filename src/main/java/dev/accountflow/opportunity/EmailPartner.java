package dev.accountflow.opportunity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EmailPartner: the deal's channel partner is e-mailed through the outbox, once per request. */
@Component
class EmailPartner implements JavaDelegate {

    private final OpportunityService opportunities;

    EmailPartner(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object request = execution.getVariable("helpRequest");
        // the activity instance id makes a retried job queue the same mail once
        boolean sent = opportunities.askPartner(execution.getProcessBusinessKey(),
                request == null ? "" : request.toString().strip(), execution.getActivityInstanceId());
        opportunities.find(execution.getProcessBusinessKey())
                .ifPresent(o -> execution.setVariable("assistanceNotes", o.getAssistanceNotes()));
        execution.setVariable("gateReasons", sent ? "" : "This deal names no channel partner; nobody was e-mailed.");
    }
}
