package dev.accountflow.escalation;

import dev.accountflow.account.AccountService;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import dev.accountflow.web.PageRefusals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * The escalation pages: each division's queue with its SLA clock, the breaches and the time to acknowledge and
 * resolve per division and month for sales managers, a rep's own escalations; and the account page's forms to raise
 * one and to confirm or reopen a resolution.
 */
@Controller
class EscalationPages {

    private static final int PAGE_SIZE = 50;

    private final Escalations escalations;
    private final AccountService accounts;

    EscalationPages(Escalations escalations, AccountService accounts) {
        this.escalations = escalations;
        this.accounts = accounts;
    }

    record Row(String id, String accountId, String accountName, String severity, String division, String summary,
               String status, String group, String slaClock, boolean breached, String breachedOn) {
    }

    record Times(String month, String division, long raised, String hoursToAcknowledge, String hoursToResolve,
                 long breached) {
    }

    @GetMapping("/escalations")
    String escalations(@RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = CurrentUser.get();
        int p = page == null ? 0 : page;
        if (p < 0 || p > 1_000_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page: must be between 0 and 1000000");
        }
        model.addAttribute("userId", user.userId());
        model.addAttribute("manager", user.managesPortfolio());
        List<String> groups = Escalations.myAnsweringGroups(user);
        boolean wholeBook = user.seesWholeBook();
        Page<Escalation> queue = wholeBook ? escalations.queue(Escalations.ANSWERING_GROUPS, p, PAGE_SIZE)
                : !groups.isEmpty() ? escalations.queue(groups, p, PAGE_SIZE) : escalations.visible(p, PAGE_SIZE);
        model.addAttribute("heading", wholeBook ? "Every division's queue" : !groups.isEmpty()
                ? "Your queue: " + String.join(", ", groups) : "Your customers' escalations");
        model.addAttribute("queue", rows(queue.getContent()));
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, queue.getTotalPages()));
        model.addAttribute("showsBreaches", wholeBook);
        if (wholeBook) {
            model.addAttribute("breaches", rows(escalations.breaches(0, PAGE_SIZE).getContent()));
            model.addAttribute("times", escalations.timesByDivisionAndMonth().stream().map(t -> new Times(
                    dev.accountflow.money.SalesDates.month(t.getMonth()),
                    Escalations.words(t.getDivision()), t.getRaised(), hours(t.getHoursToAcknowledge()),
                    hours(t.getHoursToResolve()), t.getBreached())).toList());
        }
        return "escalations/page";
    }

    @PreAuthorize("hasAnyRole('sales-managers', 'account-managers')")
    @PostMapping("/accounts/{id}/escalations")
    String raise(@PathVariable String id, @RequestParam(required = false) String division,
                 @RequestParam(required = false) String severity, @RequestParam(required = false) String summary,
                 @RequestParam(required = false) String customerImpact, RedirectAttributes flash) {
        Map<String, String> typed = new HashMap<>();
        typed.put("accountId", id);
        typed.put("division", division);
        typed.put("severity", severity);
        typed.put("summary", summary);
        typed.put("customerImpact", customerImpact);
        try {
            Escalation raised = escalations.raise(EscalationForm.read(typed));
            Escalation routed = escalations.escalation(raised.getId());
            flash.addFlashAttribute("notice", routed.getSeverity() + " escalation '" + routed.getSummary()
                    + "' raised and routed to " + routed.getRoutedGroup() + ": acknowledge by "
                    + Escalations.shown(routed.getAcknowledgeBy()) + ".");
        } catch (ApiException e) {
            PageRefusals.showOrThrow(e, flash);
        }
        return "redirect:/accounts/" + id + "#escalations";
    }

    /** The AM's answer after checking the resolution with the customer: closes it, or reopens it with a reason. */
    @PreAuthorize("hasAnyRole('sales-managers', 'account-managers')")
    @PostMapping("/escalations/{id}/answer")
    String answer(@PathVariable String id, @RequestParam(required = false) String confirmed,
                  @RequestParam(required = false) String reopenReason, RedirectAttributes flash) {
        Escalation escalation = escalations.escalation(id);
        try {
            boolean yes = "yes".equals(confirmed);
            escalations.answerFromPage(id, yes, reopenReason);
            flash.addFlashAttribute("notice", yes ? "Escalation '" + escalation.getSummary() + "' closed."
                    : "Escalation '" + escalation.getSummary() + "' reopened: " + escalation.getRoutedGroup()
                    + " works it again.");
        } catch (ApiException e) {
            PageRefusals.showOrThrow(e, flash);
        }
        return "redirect:/accounts/" + escalation.getAccountId() + "#escalations";
    }

    // the page's accounts read once, not once per row
    private List<Row> rows(List<Escalation> shown) {
        Map<String, String> names = accounts.namesOf(shown.stream().map(Escalation::getAccountId).distinct().toList());
        Instant now = ClockUtil.getCurrentTime().toInstant();
        return shown.stream().map(e -> new Row(e.getId(), e.getAccountId(), names.getOrDefault(e.getAccountId(), ""),
                e.getSeverity().name(), Escalations.words(e.getDivision()), e.getSummary(),
                EscalationLine.of(e, List.of(), now).status(), e.getRoutedGroup() == null ? "" : e.getRoutedGroup(),
                EscalationLine.clock(e, now), e.getBreachedAt() != null, Escalations.shown(e.getBreachedAt())))
                .toList();
    }

    private static String hours(Double value) {
        return value == null ? "—" : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString() + " h";
    }
}
