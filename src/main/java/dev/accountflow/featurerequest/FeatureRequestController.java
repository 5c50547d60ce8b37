package dev.accountflow.featurerequest;

import dev.accountflow.web.ApiException;
import dev.accountflow.web.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Feature requests")
@RestController
@RequestMapping("/api/feature-requests")
class FeatureRequestController {

    // which account a rep may log for is the service's call (her own only)
    private static final String REQUEST_LOGGERS = "hasAnyRole('account-managers', 'sales-managers')";
    private static final String PRODUCT_TEAM = "hasAnyRole('product-management', 'sales-managers')";
    private static final int MAX_SIZE = 200;

    private final FeatureRequests requests;

    FeatureRequestController(FeatureRequests requests) {
        this.requests = requests;
    }

    record FeatureRequestBody(@NotBlank @Size(max = 36) String accountId,
                              @PlainText @NotBlank @Size(max = 200) String title,
                              @NotBlank @Size(max = 10000) String description,
                              @Size(max = 36) String contactId,
                              ProductArea productArea,
                              @NotNull BusinessImpact businessImpact,
                              @Size(max = 36) String opportunityId,
                              @Size(max = 36) String duplicateOf,
                              @PlainText @Size(max = 100) String product) {
    }

    record FeatureRequestView(String id, String accountId, String contactId, String title, String description,
                              ProductArea productArea, BusinessImpact businessImpact, String opportunityId,
                              String duplicateOf, FeatureRequestStatus status, String pmGroup, String priority,
                              Integer slaBusinessDays, BigDecimal arrAtStake, int requestingAccounts,
                              String decisionNote, String targetRelease, Instant createdAt, Instant decidedAt,
                              Instant shippedAt, List<Similar> similarOpen) {
        static FeatureRequestView of(FeatureRequest r, List<Similar> similar) {
            return new FeatureRequestView(r.getId(), r.getAccountId(), r.getContactId(), r.getTitle(),
                    r.getDescription(), r.getProductArea(), r.getBusinessImpact(), r.getOpportunityId(),
                    r.getMasterId(), r.getStatus(), r.getPmGroup(), r.getPriority(), r.getSlaBusinessDays(),
                    r.getArrAtStake(), r.getRequestingAccounts(), r.getDecisionNote(), r.getTargetRelease(),
                    r.getCreatedAt(), r.getDecidedAt(), r.getShippedAt(), similar);
        }
    }

    record Similar(String id, String title, FeatureRequestStatus status, BigDecimal arrAtStake, int requestingAccounts) {
        static Similar of(FeatureRequest r) {
            return new Similar(r.getId(), r.getTitle(), r.getStatus(), r.getArrAtStake(), r.getRequestingAccounts());
        }
    }

    record FeatureRequestPage(List<FeatureRequestView> content, long totalElements, int page, int size) {
    }

    @Operation(operationId = "logFeatureRequest", summary = "Log a customer's feature request",
            description = "The routing rules pick the product area and reviewer; similar open requests are answered "
                    + "alongside.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "accountId": "0017",
                          "title": "Export the order history to CSV",
                          "description": "Finance reconciles orders monthly and needs the full history as CSV.",
                          "productArea": "COMMERCE",
                          "businessImpact": "BLOCKS_RENEWAL"
                        }
                        """))))
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(REQUEST_LOGGERS)
    FeatureRequestView log(@Valid @RequestBody FeatureRequestBody body) {
        FeatureRequest logged = requests.log(new FeatureRequests.NewRequest(body.accountId(), body.title(),
                body.description(), body.contactId(), body.productArea(), body.businessImpact(), body.opportunityId(),
                body.duplicateOf(), body.product()));
        return FeatureRequestView.of(logged, List.of());
    }

    /** Open requests that look like the one about to be logged: the AM confirms one with duplicateOf. */
    @Operation(operationId = "findSimilarFeatureRequests", summary = "Find open requests similar to a title")
    @GetMapping("/similar")
    @PreAuthorize(REQUEST_LOGGERS + " or " + PRODUCT_TEAM)
    List<Similar> similar(@RequestParam(required = false) ProductArea productArea, @RequestParam String title) {
        if (title.length() > 200) {
            throw ApiException.badRequest("Invalid request: title: at most 200 characters",
                    "title: at most 200 characters");
        }
        return requests.similarOpen(productArea, title).stream().map(Similar::of).toList();
    }

    @Operation(operationId = "listFeatureRequests", summary = "List feature requests, a page at a time")
    @GetMapping
    FeatureRequestPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("Invalid request: page from 0, size from 1 to " + MAX_SIZE,
                    "size: must be between 1 and " + MAX_SIZE);
        }
        Page<FeatureRequest> found = requests.visible(page, size);
        return new FeatureRequestPage(found.getContent().stream().map(r -> FeatureRequestView.of(r, null)).toList(),
                found.getTotalElements(), page, size);
    }

    record DuplicateBody(@NotBlank @Size(max = 36) String masterId) {
    }

    /**
     * Product management (or the account manager, for her own customers' request) confirms the request repeats an open
     * one: its review ends, the master's stake grows.
     */
    @Operation(operationId = "linkDuplicateFeatureRequest", summary = "Confirm a request repeats an open one",
            description = "Its review ends; the master request's stake grows.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "masterId": "fr-0042"
                        }
                        """))))
    @PostMapping("/{id}/duplicate-of")
    @PreAuthorize(PRODUCT_TEAM + " or hasRole('account-managers')")
    FeatureRequestView linkAsDuplicate(@PathVariable String id, @Valid @RequestBody DuplicateBody body) {
        return FeatureRequestView.of(requests.confirmDuplicate(id, body.masterId()), List.of());
    }

    /** The product team's tools say it shipped: the waiting process tells every requesting account. */
    @Operation(operationId = "markFeatureRequestShipped", summary = "Mark a feature request shipped",
            description = "The account managers of every customer who asked are told.")
    @PostMapping("/{id}/shipped")
    @PreAuthorize(PRODUCT_TEAM)
    FeatureRequestView shipped(@PathVariable String id) {
        return FeatureRequestView.of(requests.shipped(id), List.of());
    }
}
