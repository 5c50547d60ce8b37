package dev.accountflow.featurerequest;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.SubscriptionStatus;
import dev.accountflow.money.Money;
import dev.accountflow.money.SalesDates;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import dev.accountflow.web.PageRefusals;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** An open request that looks like the row's: the row may be linked to it as a duplicate. */
    record Suggestion(String id, String title, String arrAtStake, int requestingAccounts) {
    }

    record BoardRow(FeatureRequestLine line, String pmGroup, String sla, List<Requester> requesters,
                    List<Suggestion> similar) {
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
        Map<String, List<FeatureRequest>> similar = requests.similarOpenTo(found.getContent());
        model.addAttribute("rows", found.getContent().stream().map(r -> row(r, similar.getOrDefault(r.getId(),
                List.of()))).toList());
        model.addAttribute("mayLink", user.isIn(CurrentUser.PRODUCT_MANAGEMENT) || user.isIn(CurrentUser.SALES_MANAGERS)
                || user.isIn(CurrentUser.ACCOUNT_MANAGERS));
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
        Map<String, String> typed = new HashMap<>();
        typed.put("accountId", id);
        typed.put("title", title);
        typed.put("description", description);
        typed.put("productArea", productArea);
        typed.put("businessImpact", businessImpact);
        typed.put("duplicateOf", duplicateOf);
        try {
            FeatureRequest logged = requests.log(FeatureRequestForm.read(typed));
            flash.addFlashAttribute("notice", "Feature request '" + logged.getTitle() + "' logged"
                    + (logged.getMasterId() == null ? " and routed to " + logged.getPmGroup() + "."
                    : " and linked to the open request that asks the same."));
        } catch (ApiException e) {
            PageRefusals.showOrThrow(e, flash);
        }
        return "redirect:/accounts/" + id + "#feature-requests";
    }

    /**
     * Product management (any request) or the account manager (her own customers' requests) confirms on the board
     * that a request asks for the same as an open one: the master's ARR at stake and requesting accounts grow.
     */
    @PreAuthorize("hasAnyRole('product-management', 'sales-managers', 'account-managers')")
    @PostMapping("/feature-requests/{id}/duplicate-of")
    String linkAsDuplicate(@PathVariable String id, @RequestParam(required = false) String masterId,
                           RedirectAttributes flash) {
        try {
            if (masterId == null || masterId.isBlank()) {
                throw ApiException.badRequest("masterId: required", "masterId: pick the open request it repeats");
            }
            FeatureRequest master = requests.confirmDuplicate(id, masterId.strip());
            flash.addFlashAttribute("notice", "Linked as a duplicate of '" + master.getTitle() + "': now "
                    + Money.format(master.getArrAtStake()) + " ARR at stake from " + master.getRequestingAccounts()
                    + (master.getRequestingAccounts() == 1 ? " account." : " accounts."));
        } catch (ApiException e) {
            PageRefusals.showOrThrow(e, flash);
        }
        return "redirect:/feature-requests";
    }

    private BoardRow row(FeatureRequest master, List<FeatureRequest> similar) {
        List<Requester> requesters = requests.requestingAccounts(master.getId()).stream()
                .map(a -> new Requester(a.getId(), a.getName(), nextRenewal(a))).toList();
        return new BoardRow(FeatureRequests.line(master), master.getPmGroup(),
                master.getSlaBusinessDays() == null ? "" : master.getSlaBusinessDays() + " business days", requesters,
                similar.stream().map(r -> new Suggestion(r.getId(), r.getTitle(), Money.format(r.getArrAtStake()),
                        r.getRequestingAccounts())).toList());
    }

    private String nextRenewal(Account account) {
        return accounts.subscriptionsOf(account.getId()).stream()
                .filter(s -> s.getStatus() == SubscriptionStatus.ACTIVE || s.getStatus() == SubscriptionStatus.IN_RENEWAL)
                .map(Subscription::getEndDate).min(Comparator.naturalOrder()).map(SalesDates::format).orElse("none");
    }
}
