package dev.accountflow.opportunity;

import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import dev.accountflow.web.PlainText;
import dev.accountflow.web.PlausibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Opportunities")
@RestController
@RequestMapping("/api")
class OpportunityController {

    static final int MAX_PAGE_SIZE = 200;

    private final OpportunityService opportunities;
    private final IdentityService identity;
    private final CloseDates closeDates;

    OpportunityController(OpportunityService opportunities, IdentityService identity, CloseDates closeDates) {
        this.closeDates = closeDates;
        this.opportunities = opportunities;
        this.identity = identity;
    }

    record OpportunityRequest(@PlainText @NotBlank @Size(max = 36) String accountId,
                              @NotNull OpportunityType type,
                              @PlainText @NotBlank @Size(max = OpportunityService.NAME_LENGTH) String name,
                              @PlainText @NotBlank @Size(max = 120) String product,
                              @NotNull @Positive @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2,
                                      message = "money has at most 2 decimals") BigDecimal amount,
                              @NotNull @PlausibleDate LocalDate closeDate,
                              @PlainText @Size(max = 36) String partnerId) {
    }

    record OpportunityView(String id, String accountId, String name, OpportunityType type, String product,
                           BigDecimal amount, LocalDate closeDate, Stage stage, int probability,
                           ForecastCategory forecastCategory, String ownerId, String partnerId, String lossReason,
                           String gateReasons, String assistanceNotes, BigDecimal servicesEstimate,
                           String processInstanceId, int closeDatePushes, LocalDate firstCloseDate) {
        static OpportunityView of(Opportunity o) {
            return new OpportunityView(o.getId(), o.getAccountId(), o.getName(), o.getType(), o.getProduct(),
                    o.getAmount(), o.getCloseDate(), o.getStage(), o.getProbability(), o.getForecastCategory(),
                    o.getOwnerId(), o.getPartnerId(), o.getLossReason(), o.getGateReasons(), o.getAssistanceNotes(),
                    o.getServicesEstimate(), o.getProcessInstanceId(), o.getCloseDatePushes(),
                    o.getFirstCloseDate());
        }
    }

    record OpportunityPage(List<OpportunityView> content, long totalElements, int page, int size) {
    }

    record PartnerView(String id, String name, String kind) {
    }

    record AssistRequest(@PlainText @NotBlank @Size(max = 64) String assistantId,
                         @PlainText @NotBlank @Size(max = 2000) String request) {
    }

    record AssistAsked(String opportunityId, String assistantId, String processInstanceId) {
    }

    /** A sales manager asks an account manager to assist on another rep's deal: a task for her with its context. */
    @Operation(operationId = "askForAssist", summary = "Ask a colleague for help on a deal",
            description = "A solution engineer or services colleague gets a task.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "assistantId": "sol",
                          "request": "Demo of the analytics add-on for their data team"
                        }
                        """))))
    @PostMapping("/opportunities/{id}/assist-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('sales-managers')")
    AssistAsked askColleague(@PathVariable String id, @Valid @RequestBody AssistRequest request) {
        String assistant = request.assistantId().strip();
        if (identity.createUserQuery().userId(assistant).memberOfGroup(CurrentUser.ACCOUNT_MANAGERS).count() == 0) {
            throw ApiException.badRequest("Not an account manager", "assistantId: '" + assistant
                    + "' is not an account manager; ask one of the team's account managers");
        }
        return new AssistAsked(id, assistant, opportunities.askColleague(id, assistant, request.request().strip()));
    }

    record CloseDateRequest(@NotNull @PlausibleDate LocalDate closeDate) {
    }

    /**
     * The deal's owner (or a sales manager) moves its expected close; a later day counts as a push, which the
     * health rules read (a close date pushed twice flags the account).
     */
    @Operation(operationId = "moveCloseDate", summary = "Move a deal's expected close date",
            description = "A later day counts as a push; a close date pushed twice flags the account.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "closeDate": "2027-03-31"
                        }
                        """))))
    @PutMapping("/opportunities/{id}/close-date")
    @PreAuthorize("hasAnyRole('sales-managers', 'account-managers')")
    OpportunityView moveCloseDate(@PathVariable String id, @Valid @RequestBody CloseDateRequest request) {
        return OpportunityView.of(closeDates.move(id, request.closeDate()));
    }

    @Operation(operationId = "openOpportunity", summary = "Open an expansion or new-business opportunity",
            description = "On one of the rep's own accounts (any account for a sales manager); starts the "
                    + "opportunity process.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "accountId": "0017",
                          "type": "EXPANSION",
                          "name": "Northwind analytics add-on",
                          "product": "Analytics",
                          "amount": 120000.0,
                          "closeDate": "2027-02-26"
                        }
                        """))))
    @PostMapping("/opportunities")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('sales-managers', 'account-managers')")
    OpportunityView open(@Valid @RequestBody OpportunityRequest request) {
        return OpportunityView.of(opportunities.open(new OpportunityService.NewOpportunity(request.accountId(),
                request.type(), request.name(), request.product(), request.amount(), request.closeDate(),
                request.partnerId())));
    }

    @Operation(operationId = "listOpportunities", summary = "List the opportunities this user may see, a page at a "
            + "time")
    @GetMapping("/opportunities")
    @PreAuthorize("hasAnyRole('sales-managers', 'account-managers', 'camunda-admin', 'solution-engineering', 'services')")
    OpportunityPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                         @RequestParam(required = false) String accountId,
                         @RequestParam(required = false) String type) {
        if (page < 0) {
            throw ApiException.badRequest("Invalid request: page: must be 0 or more", "page: must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("Invalid request: size: must be between 1 and " + MAX_PAGE_SIZE,
                    "size: must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (accountId != null && (accountId.isBlank() || accountId.length() > 36)) {
            throw ApiException.badRequest("Invalid request: accountId: an account id",
                    "accountId: an account id of at most 36 characters");
        }
        Page<Opportunity> found = opportunities.page(page, size, accountId, type(type));
        return new OpportunityPage(found.getContent().stream().map(OpportunityView::of).toList(),
                found.getTotalElements(), page, size);
    }

    // the type filter by name, so a typo is a 400 naming the field and listing the types
    private static OpportunityType type(String type) {
        if (type == null) {
            return null;
        }
        try {
            return OpportunityType.valueOf(type.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid request: type: one of " + List.of(OpportunityType.values()),
                    "type: one of " + List.of(OpportunityType.values()));
        }
    }

    @Operation(operationId = "listPartners", summary = "List the partners a deal may name")
    @GetMapping("/partners")
    @PreAuthorize("hasAnyRole('sales-managers', 'account-managers')")
    List<PartnerView> partners() {
        return opportunities.partners().stream().map(p -> new PartnerView(p.getId(), p.getName(), p.getKind())).toList();
    }
}
