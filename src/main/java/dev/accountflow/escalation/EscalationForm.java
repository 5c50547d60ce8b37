package dev.accountflow.escalation;

import dev.accountflow.web.ApiException;
import dev.accountflow.web.TypedFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The fields of "raise an escalation" as people type them (the account page and Tasklist's start form): every field
 * is a claim, read as text, checked like the API's JSON and refused with every problem named by its field.
 */
final class EscalationForm {

    static final List<String> FIELDS = List.of("accountId", "division", "severity", "summary", "customerImpact",
            "contactId", "opportunityId");
    static final int SUMMARY_LENGTH = 200;
    static final int IMPACT_LENGTH = 10_000;

    private EscalationForm() {
    }

    /** The escalation the fields describe, or a 400 naming every bad field; nothing is looked up here. */
    static Escalations.NewEscalation read(Map<String, ?> fields) {
        List<String> problems = new ArrayList<>();
        String accountId = TypedFields.line(fields, "accountId", 36, true, problems);
        Division division = TypedFields.choice(fields, "division", Division.class, true, problems);
        Severity severity = TypedFields.choice(fields, "severity", Severity.class, true, problems);
        String summary = TypedFields.line(fields, "summary", SUMMARY_LENGTH, true, problems);
        String impact = TypedFields.lines(fields, "customerImpact", IMPACT_LENGTH, true, problems);
        String contactId = TypedFields.line(fields, "contactId", 36, false, problems);
        String opportunityId = TypedFields.line(fields, "opportunityId", 36, false, problems);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid escalation", problems);
        }
        return new Escalations.NewEscalation(accountId, division, severity, summary, impact, contactId, opportunityId);
    }
}
