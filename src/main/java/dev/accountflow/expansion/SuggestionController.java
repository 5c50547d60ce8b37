package dev.accountflow.expansion;

import dev.accountflow.opportunity.Opportunity;
import dev.accountflow.opportunity.OpportunityType;
import dev.accountflow.opportunity.Stage;
import dev.accountflow.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Expansion suggestions over HTTP: an account's open ones, ranked; accept (an EXPANSION opportunity, the same one
 * when asked again) and dismiss with a reason. Reps act on their own accounts, sales managers on any.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Expansion signals")
class SuggestionController {

    private static final String DECIDERS = "hasAnyRole('account-managers', 'sales-managers')";

    private final ExpansionSignals signals;

    SuggestionController(ExpansionSignals signals) {
        this.signals = signals;
    }

    record SuggestionView(String id, String accountId, String kind, String product, String reason,
                          BigDecimal estimatedAmount, String ruleRow, int quietDays, String status,
                          Instant suggestedAt, String decisionId, String dismissReason, LocalDate hiddenUntil,
                          String opportunityId) {
        static SuggestionView of(ExpansionSuggestion s) {
            return new SuggestionView(s.getId(), s.getAccountId(), s.getKind(), s.getProduct(), s.getReason(),
                    s.getEstimatedAmount(), s.getRuleRow(), s.getQuietDays(), s.getStatus().name(), s.getSuggestedAt(),
                    s.getDecisionId(), s.getDismissReason(), s.getHiddenUntil(), s.getOpportunityId());
        }
    }

    record AcceptedView(String id, String accountId, String name, OpportunityType type, String product,
                        BigDecimal amount, LocalDate closeDate, Stage stage, String ownerId, String processInstanceId,
                        String suggestionId) {
        static AcceptedView of(Opportunity o, String suggestionId) {
            return new AcceptedView(o.getId(), o.getAccountId(), o.getName(), o.getType(), o.getProduct(),
                    o.getAmount(), o.getCloseDate(), o.getStage(), o.getOwnerId(), o.getProcessInstanceId(),
                    suggestionId);
        }
    }

    record DismissRequest(@NotBlank @PlainText @Size(max = ExpansionSignals.MAX_REASON) String reason) {
    }

    @Operation(operationId = "listAccountSuggestions", summary = "List an account's open expansion suggestions",
            description = "Ranked by estimated amount; the account's owner, sales managers and those who see the "
                    + "whole book.")
    @GetMapping("/accounts/{id}/suggestions")
    List<SuggestionView> ofAccount(@PathVariable String id) {
        return signals.openFor(id).stream().map(SuggestionView::of).toList();
    }

    @Operation(operationId = "acceptSuggestion", summary = "Accept a suggestion: open its EXPANSION opportunity",
            description = "Accepting again returns the same opportunity.")
    @PostMapping("/suggestions/{id}/accept")
    @PreAuthorize(DECIDERS)
    AcceptedView accept(@PathVariable String id) {
        return AcceptedView.of(signals.accept(id), id);
    }

    @Operation(operationId = "dismissSuggestion", summary = "Dismiss a suggestion with a reason",
            description = "Hidden for the quiet period its table row sets.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = """
                            {"reason": "Budget frozen until the next fiscal year"}"""))))
    @PostMapping("/suggestions/{id}/dismiss")
    @PreAuthorize(DECIDERS)
    SuggestionView dismiss(@PathVariable String id, @Valid @RequestBody DismissRequest request) {
        return SuggestionView.of(signals.dismiss(id, request.reason()));
    }
}
