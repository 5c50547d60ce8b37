package dev.accountflow.account;

import dev.accountflow.web.PlainText;
import dev.accountflow.web.PlausibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

@Tag(name = "Accounts")
@RestController
@RequestMapping("/api/accounts")
class AccountController {

    private static final String SALES_MANAGERS = "hasRole('sales-managers')";
    // everyone else reads at most; which account a rep may change is the service's call (her own only)
    private static final String ACCOUNT_WRITERS = "hasAnyRole('sales-managers', 'account-managers')";

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    record AccountRequest(
            @PlainText @NotBlank @Size(max = 200) String name,
            @NotNull Vertical vertical,
            @PlainText @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z_]+", message = "letters and underscores only, e.g. NORTHEAST") String territory,
            @NotNull Tier tier,
            @PlainText @Size(max = 64) String ownerId) {
    }

    record AccountView(String id, String name, Vertical vertical, String territory, Tier tier, String ownerId,
                       Instant createdAt, List<SubscriptionView> subscriptions, List<ContactView> contacts) {
    }

    record ContactRequest(@PlainText @NotBlank @Size(max = 200) String name,
                          @PlainText @Email @Size(max = 320) String email,
                          @NotNull ContactRole role, @PlausibleDate Instant lastEngagedAt) {
    }

    record ContactView(String id, String name, String email, ContactRole role, Instant lastEngagedAt, Instant leftAt) {
        static ContactView of(Contact c) {
            return new ContactView(c.getId(), c.getName(), c.getEmail(), c.getRole(), c.getLastEngagedAt(),
                    c.getLeftAt());
        }
    }

    record SubscriptionRequest(@PlainText @NotBlank @Size(max = 120) String product,
                               @NotNull @Positive @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2,
                                       message = "money has at most 2 decimals") BigDecimal arr,
                               @NotNull @PlausibleDate LocalDate startDate, @NotNull @PlausibleDate LocalDate endDate) {
    }

    record SubscriptionView(String id, String product, BigDecimal arr, LocalDate startDate, LocalDate endDate,
                            SubscriptionStatus status, String churnReason) {
        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.getId(), s.getProduct(), s.getArr(), s.getStartDate(), s.getEndDate(),
                    s.getStatus(), s.getChurnReason());
        }
    }

    record HealthSignalRequest(@NotNull @PlausibleDate Instant recordedAt,
                               @DecimalMin("-100") @DecimalMax("1000") @Digits(integer = 4, fraction = 2)
                               BigDecimal activeUsersChangePct,
                               @Min(0) @Max(10000) Integer openEscalations,
                               @DecimalMin("1.0") @DecimalMax("5.0") @Digits(integer = 1, fraction = 1) BigDecimal csat,
                               @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
                               BigDecimal seatUtilizationPct) {
    }

    record HealthSignalView(String id, Instant recordedAt, BigDecimal activeUsersChangePct, Integer openEscalations,
                            BigDecimal csat, BigDecimal seatUtilizationPct) {
    }

    @Operation(operationId = "createAccount", summary = "Create an account",
            description = "Sales managers only. Without ownerId the assignment rules pick the owner.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "name": "Northwind Health",
                          "vertical": "HEALTHCARE",
                          "territory": "NORTHEAST",
                          "tier": "ENTERPRISE",
                          "ownerId": "amy"
                        }
                        """))))
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(SALES_MANAGERS)
    AccountView create(@Valid @RequestBody AccountRequest request) {
        return view(accounts.createAccount(request.name(), request.vertical(), request.territory(), request.tier(),
                request.ownerId()));
    }

    /**
     * With any of page, size, sort, q or owner: one page of the book with its totals (see {@link BookPage}).
     * Without them: every visible account as a plain array, as the first clients of this API read it.
     */
    @Operation(operationId = "listAccounts", summary = "List the accounts this user may see",
            description = "With any of page, size, sort, q or owner: one page of the book with its totals. Without "
                    + "them: every visible account as a plain array.")
    @GetMapping
    Object list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String q,
                @RequestParam(required = false) String owner) {
        if (page != null || size != null || sort != null || q != null || owner != null) {
            return accounts.bookPage(BookQuery.of(page, size, sort, q, owner));
        }
        return accounts.visibleAccounts().stream().map(a -> new AccountView(a.getId(), a.getName(), a.getVertical(),
                a.getTerritory(), a.getTier(), a.getOwnerId(), a.getCreatedAt(), null, null)).toList();
    }

    @Operation(operationId = "getAccount", summary = "Read one account with its subscriptions and contacts")
    @GetMapping("/{id}")
    AccountView get(@PathVariable String id) {
        return view(accounts.visibleAccount(id));
    }

    @Operation(operationId = "addContact", summary = "Add a contact to an account",
            description = "The account's owner or a sales manager.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "name": "Dana Whitfield",
                          "email": "dana.whitfield@northwind.example",
                          "role": "EXECUTIVE_SPONSOR",
                          "lastEngagedAt": "2026-11-02T15:00:00Z"
                        }
                        """))))
    @PostMapping("/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ACCOUNT_WRITERS)
    ContactView addContact(@PathVariable String id, @Valid @RequestBody ContactRequest request) {
        accounts.writableAccount(id);
        return ContactView.of(accounts.addContact(id, request.name(), request.email(), request.role(),
                request.lastEngagedAt()));
    }

    @Operation(operationId = "addSubscription", summary = "Add a subscription to an account",
            description = "The account's owner or a sales manager. A subscription ending within the renewal window "
                    + "is picked up by the next kick-off.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "product": "Commerce Cloud",
                          "arr": 250000.0,
                          "startDate": "2026-01-01",
                          "endDate": "2026-12-31"
                        }
                        """))))
    @PostMapping("/{id}/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ACCOUNT_WRITERS)
    SubscriptionView addSubscription(@PathVariable String id, @Valid @RequestBody SubscriptionRequest request) {
        accounts.writableAccount(id);
        return SubscriptionView.of(accounts.addSubscription(id, request.product(), request.arr(), request.startDate(),
                request.endDate()));
    }

    @Operation(operationId = "addHealthSignal", summary = "Record a health signal for an account",
            description = "Usage change, open escalations and CSAT; the health rules read the latest.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "recordedAt": "2026-11-30T09:00:00Z",
                          "activeUsersChangePct": -22.5,
                          "openEscalations": 3,
                          "csat": 3.4
                        }
                        """))))
    @PostMapping("/{id}/health-signals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ACCOUNT_WRITERS)
    HealthSignalView addHealthSignal(@PathVariable String id, @Valid @RequestBody HealthSignalRequest request) {
        accounts.writableAccount(id);
        HealthSignal s = accounts.addHealthSignal(id, request.recordedAt(), request.activeUsersChangePct(),
                request.openEscalations(), request.csat(), request.seatUtilizationPct());
        return new HealthSignalView(s.getId(), s.getRecordedAt(), s.getActiveUsersChangePct(), s.getOpenEscalations(),
                s.getCsat(), s.getSeatUtilizationPct());
    }

    private AccountView view(Account a) {
        return new AccountView(a.getId(), a.getName(), a.getVertical(), a.getTerritory(), a.getTier(), a.getOwnerId(),
                a.getCreatedAt(), accounts.subscriptionsOf(a.getId()).stream().map(SubscriptionView::of).toList(),
                accounts.contactsOf(a.getId()).stream().map(ContactView::of).toList());
    }
}
