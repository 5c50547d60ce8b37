package dev.accountflow.book;

import dev.accountflow.account.AccountService;
import dev.accountflow.account.Contact;
import dev.accountflow.account.TouchPoint;
import dev.accountflow.account.TouchPointKind;
import dev.accountflow.web.PlausibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Touch points through the API: the same as the account page's form, and the account's health is assessed again. */
@Tag(name = "Accounts")
@RestController
class TouchPointController {

    private final AccountService accounts;
    private final TouchPoints touchPoints;

    TouchPointController(AccountService accounts, TouchPoints touchPoints) {
        this.accounts = accounts;
        this.touchPoints = touchPoints;
    }

    record TouchPointRequest(@NotBlank @Size(max = 36) String contactId, @NotNull TouchPointKind kind,
                             @NotNull @PlausibleDate @PastOrPresent Instant occurredAt,
                             @Size(max = 2000) String note) {
    }

    record TouchPointView(String id, String contactId, TouchPointKind kind, Instant occurredAt, String note,
                          String recordedBy) {
        static TouchPointView of(TouchPoint t) {
            return new TouchPointView(t.getId(), t.getContactId(), t.getKind(), t.getOccurredAt(), t.getNote(),
                    t.getRecordedBy());
        }
    }

    @Operation(operationId = "recordTouchPoint", summary = "Record a meeting, call or e-mail with a contact",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "contactId": "c-0017",
                          "kind": "MEETING",
                          "occurredAt": "2026-11-28T14:00:00Z",
                          "note": "QBR with the CIO"
                        }
                        """))))
    @PostMapping("/api/accounts/{id}/touch-points")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('sales-managers', 'account-managers')")
    TouchPointView record(@PathVariable String id, @Valid @RequestBody TouchPointRequest request) {
        return TouchPointView.of(touchPoints.record(id, request.contactId(), request.kind(), request.occurredAt(),
                request.note()));
    }

    record DepartureRequest(@NotNull @PlausibleDate @PastOrPresent Instant leftAt) {
    }

    record DepartureView(String contactId, String accountId, String name, String role, Instant leftAt) {
    }

    /** A contact left the customer: no longer a current sponsor or champion; the account's health is assessed again. */
    @Operation(operationId = "recordDeparture", summary = "Record that a contact left the customer",
            description = "She is no longer a current sponsor or champion; the account's health is assessed again.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "leftAt": "2026-11-20T00:00:00Z"
                        }
                        """))))
    @PostMapping("/api/accounts/{id}/contacts/{contactId}/departure")
    @PreAuthorize("hasAnyRole('sales-managers', 'account-managers')")
    DepartureView departed(@PathVariable String id, @PathVariable String contactId,
                           @Valid @RequestBody DepartureRequest request) {
        Contact contact = touchPoints.departed(id, contactId, request.leftAt());
        return new DepartureView(contact.getId(), contact.getAccountId(), contact.getName(), contact.getRole().name(),
                contact.getLeftAt());
    }

    @Operation(operationId = "listTouchPoints", summary = "List an account's touch points")
    @GetMapping("/api/accounts/{id}/touch-points")
    List<TouchPointView> list(@PathVariable String id) {
        accounts.visibleAccount(id);
        return accounts.touchPointsOf(id).stream().map(TouchPointView::of).toList();
    }
}
