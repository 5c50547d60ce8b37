package dev.accountflow.escalation;

import dev.accountflow.account.AccountService;
import dev.accountflow.web.ApiException;
import dev.accountflow.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Escalations")
class EscalationController {

    // which account a rep may escalate for is the service's call (her own only)
    private static final String RAISERS = "hasAnyRole('account-managers', 'sales-managers')";
    private static final int MAX_SIZE = 200;

    private final Escalations escalations;
    private final AccountService accounts;

    EscalationController(Escalations escalations, AccountService accounts) {
        this.escalations = escalations;
        this.accounts = accounts;
    }

    record EscalationBody(@NotBlank @Size(max = 36) String accountId,
                          @NotNull Division division,
                          @NotNull Severity severity,
                          @PlainText @NotBlank @Size(max = EscalationForm.SUMMARY_LENGTH) String summary,
                          @NotBlank @Size(max = EscalationForm.IMPACT_LENGTH) String customerImpact,
                          @Size(max = 36) String contactId,
                          @Size(max = 36) String opportunityId) {
    }

    record EscalationView(String id, String accountId, Division division, Severity severity, String summary,
                          String customerImpact, String contactId, String opportunityId, EscalationStatus status,
                          String routedGroup, Integer acknowledgeWithinHours, Integer resolveWithinBusinessDays,
                          Instant acknowledgeBy, Instant resolveBy, Instant acknowledgedAt, String acknowledgedBy,
                          Instant resolvedAt, String resolution, Instant closedAt, int reopened, Instant breachedAt,
                          String raisedBy, Instant createdAt) {
        static EscalationView of(Escalation e) {
            return new EscalationView(e.getId(), e.getAccountId(), e.getDivision(), e.getSeverity(), e.getSummary(),
                    e.getCustomerImpact(), e.getContactId(), e.getOpportunityId(), e.getStatus(), e.getRoutedGroup(),
                    e.getAcknowledgeHours(), e.getResolveDays(), e.getAcknowledgeBy(), e.getResolveBy(),
                    e.getAcknowledgedAt(), e.getAcknowledgedBy(), e.getResolvedAt(), e.getResolution(),
                    e.getClosedAt(), e.getReopened(), e.getBreachedAt(), e.getRaisedBy(), e.getCreatedAt());
        }
    }

    record EscalationPage(List<EscalationView> content, long totalElements, int page, int size) {
    }

    @Operation(operationId = "raiseEscalation", summary = "Raise a customer escalation",
            description = "The account's manager (or a sales manager) raises it for one of her accounts; the "
                    + "escalation-routing rules choose the group and the SLA, and the customer-escalation process starts.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = """
                            {
                              "accountId": "3f1c9a52-6a5e-4c1e-9f57-0d2b8c4e7a11",
                              "division": "BILLING",
                              "severity": "S1",
                              "summary": "Invoices doubled for November",
                              "customerImpact": "Finance cannot close the month"
                            }"""))))
    @PostMapping("/api/escalations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(RAISERS)
    EscalationView raise(@Valid @RequestBody EscalationBody body) {
        // the JSON's text is read again as the forms read it: one set of checks (control characters, lengths)
        Map<String, Object> fields = new HashMap<>();
        fields.put("accountId", body.accountId());
        fields.put("division", body.division().name());
        fields.put("severity", body.severity().name());
        fields.put("summary", body.summary());
        fields.put("customerImpact", body.customerImpact());
        fields.put("contactId", body.contactId());
        fields.put("opportunityId", body.opportunityId());
        return EscalationView.of(escalations.raise(EscalationForm.read(fields)));
    }

    /** The escalations the signed-in person may see (a rep: her accounts'; a division: its queue; managers: all). */
    @Operation(operationId = "listEscalations", summary = "List the escalations this user may see, a page at a time")
    @GetMapping("/api/escalations")
    EscalationPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        checkPaging(page, size);
        Page<Escalation> found = escalations.visible(page, size);
        return new EscalationPage(found.getContent().stream().map(EscalationView::of).toList(),
                found.getTotalElements(), page, size);
    }

    /** One account's escalations with their history; another rep's account is a 404, as when reading it. */
    @Operation(operationId = "listAccountEscalations", summary = "List an account's escalations with their history")
    @GetMapping("/api/accounts/{id}/escalations")
    List<EscalationLine> ofAccount(@PathVariable String id) {
        return escalations.linesOfAccount(accounts.visibleAccount(id).getId());
    }

    private static void checkPaging(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("Invalid request: page from 0, size from 1 to " + MAX_SIZE,
                    "size: must be between 1 and " + MAX_SIZE);
        }
    }
}
