package dev.accountflow.featurerequest;

import dev.accountflow.taskform.StartFormCheck;
import dev.accountflow.web.ApiException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_LogFeatureRequest of Tasklist's start form: the form's fields are a request from the signed-in account
 * manager, logged through the same service as the API and the account page; a refusal fails the start (400 or 403
 * naming the field), so nothing is stored and no process stays behind.
 */
@Component
class LogRequestedFeature implements JavaDelegate {

    private final FeatureRequests requests;

    LogRequestedFeature(FeatureRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> fields = new HashMap<>();
        FeatureRequestForm.FIELDS.forEach(field -> fields.put(field, execution.getVariable(field)));
        try {
            FeatureRequest logged = requests.log(FeatureRequestForm.read(fields));
            execution.setVariable("featureRequestId", logged.getId());
        } catch (ApiException e) {
            throw StartFormCheck.refusedStart(e);
        }
    }
}
