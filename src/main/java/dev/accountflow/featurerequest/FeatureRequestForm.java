package dev.accountflow.featurerequest;

import dev.accountflow.web.ApiException;
import dev.accountflow.web.TypedFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The fields of "log a feature request" as people type them (the account page and Tasklist's start form): every field
 * is a claim, read as text, checked like the API's JSON and refused with every problem named by its field.
 */
final class FeatureRequestForm {

    static final List<String> FIELDS = List.of("accountId", "title", "description", "contactId", "productArea",
            "businessImpact", "opportunityId", "duplicateOf");
    static final int TITLE_LENGTH = 200;
    static final int DESCRIPTION_LENGTH = 10_000;

    private FeatureRequestForm() {
    }

    /** The request the fields describe, or a 400 naming every bad field; nothing is looked up here. */
    static FeatureRequests.NewRequest read(Map<String, ?> fields) {
        List<String> problems = new ArrayList<>();
        String accountId = TypedFields.line(fields, "accountId", 36, true, problems);
        String title = TypedFields.line(fields, "title", TITLE_LENGTH, true, problems);
        String description = TypedFields.lines(fields, "description", DESCRIPTION_LENGTH, true, problems);
        String contactId = TypedFields.line(fields, "contactId", 36, false, problems);
        ProductArea area = TypedFields.choice(fields, "productArea", ProductArea.class, false, problems);
        BusinessImpact impact = TypedFields.choice(fields, "businessImpact", BusinessImpact.class, true, problems);
        String opportunityId = TypedFields.line(fields, "opportunityId", 36, false, problems);
        String duplicateOf = TypedFields.line(fields, "duplicateOf", 36, false, problems);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid feature request", problems);
        }
        return new FeatureRequests.NewRequest(accountId, title, description, contactId, area, impact, opportunityId,
                duplicateOf, null);
    }
}
