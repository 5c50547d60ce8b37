package dev.accountflow.opportunity;

import dev.accountflow.account.AccountService;
import dev.accountflow.taskform.StartFormCheck;
import dev.accountflow.web.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_OpenOpportunity of Tasklist's start form: the form's fields are a request from the signed-in account manager,
 * checked as the page and the API check them; a refusal fails the start (400 or 403 naming the field), so nothing is
 * stored and no process stays behind.
 */
@Component
class OpenRequestedOpportunity implements JavaDelegate {

    static final List<String> FIELDS = List.of("accountId", "type", "name", "product", "amount", "closeDate",
            "partnerId");

    private final OpportunityService opportunities;
    private final AccountService accounts;

    OpenRequestedOpportunity(OpportunityService opportunities, AccountService accounts) {
        this.opportunities = opportunities;
        this.accounts = accounts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> fields = new HashMap<>();
        FIELDS.forEach(field -> fields.put(field, execution.getVariable(field)));
        try {
            if (fields.get("accountId") instanceof String typed) {  // her account's name or its id
                fields.put("accountId", accounts.accountIdFor("accountId", typed));
            }
            Opportunity opened = opportunities.open(OpportunityForm.read(fields));
            execution.setVariable("opportunityId", opened.getId());
        } catch (ApiException e) {
            throw StartFormCheck.refusedStart(e);
        }
    }
}
