package dev.accountflow.featurerequest;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.SubscriptionStatus;
import dev.accountflow.money.Money;
import dev.accountflow.money.SalesDates;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The feature-request board for product management (open and planned requests by area, most ARR at stake first,
 * with the requesting accounts and their next renewal), an account manager's own requests, and the account page's
 * form to log one.
 */
@Controller
class FeatureRequestPages {

    private static final int PAGE_SIZE = 50;

    private final FeatureRequests requests;
    private final AccountService accounts;

    FeatureRequestPages(FeatureRequests requests, AccountService accounts) {
        this.requests = requests;
        this.accounts = accounts;
    }

    record Requester(String accountId, String name, String nextRenewal) {
    }

    record BoardRow(FeatureRequestLine line, String pmGroup, String sla, List<Requester> requesters) {
    }

    @GetMapping("/feature-requests")
    String board(@RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = CurrentUser.get();
        int p = page == null ? 0 : page;
        if (p < 0 || p > 1_000_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page: must be between 0 and 1000000");
        }
        model.addAttribute("userId", user.userId());
        model.addAttribute("manager", user.managesPortfolio());
        model.addAttribute("seesWholeBook", user.seesWholeBook());
        Page<FeatureRequest> found = user.seesWholeBook() ? requests.board(p, PAGE_SIZE) : requests.visible(p, PAGE_SIZE);
        model.addAttribute("rows", found.getContent().stream().map(this::row).toList());
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, found.getTotalPages()));
        return "featurerequests/board";
    }

    @PreAuthorize("hasAnyRole('sales-managers', 'account-managers')")
    @PostMapping("/accounts/{id}/feature-requests")
    String log(@PathVariable String id, @RequestParam(required = false) String title,
               @RequestParam(required = false) String description, @RequestParam(required = false) String productArea,
               @RequestParam(required = false) String businessImpact,
               @RequestParam(required = false) String duplicateOf, RedirectAttributes flash) {
        try {
            FeatureRequest logged = requests.log(new FeatureRequests.NewRequest(id, required("title", title, 200),
                    required("description", description, 10_000), null, choice("productArea", productArea, ProductArea.class),
                    Optional.ofNullable(choice("businessImpact", businessImpact, BusinessImpact.class)).orElseThrow(() ->
                            ApiException.badRequest("businessImpact: required", "businessImpact: pick the business impact")),
                    null, duplicateOf == null || duplicateOf.isBlank() ? null : duplicateOf));
            flash.addFlashAttribute("notice", "Feature request '" + logged.getTitle() + "' logged"
                    + (logged.getMasterId() == null ? " and routed to " + logged.getPmGroup() + "."
                    : " and linked to the open request that asks the same."));
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw new ResponseStatusException(e.status(), e.getMessage());
            }
            flash.addFlashAttribute("problem", String.join("; ", e.details().isEmpty() ? List.of(e.getMessage())
                    : e.details()));
        }
        return "redirect:/accounts/" + id + "#feature-requests";
    }

    private BoardRow row(FeatureRequest master) {
        List<Requester> requesters = requests.requestingAccounts(master.getId()).stream()
                .map(a -> new Requester(a.getId(), a.getName(), nextRenewal(a))).toList();
        return new BoardRow(FeatureRequests.line(master), master.getPmGroup(),
                master.getSlaBusinessDays() == null ? "" : master.getSlaBusinessDays() + " business days", requesters);
    }

    private String nextRenewal(Account account) {
        return accounts.subscriptionsOf(account.getId()).stream()
                .filter(s -> s.getStatus() == SubscriptionStatus.ACTIVE || s.getStatus() == SubscriptionStatus.IN_RENEWAL)
                .map(Subscription::getEndDate).min(Comparator.naturalOrder()).map(SalesDates::format).orElse("none");
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + ": required", field + ": is required");
        }
        if (value.length() > max) {
            throw ApiException.badRequest(field + ": too long", field + ": at most " + Money.format(java.math.BigDecimal.valueOf(max)).substring(1) + " characters");
        }
        return value.strip();
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + ": not a choice", field + ": not one of the choices");
        }
    }
}
