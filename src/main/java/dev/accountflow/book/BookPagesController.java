package dev.accountflow.book;

import dev.accountflow.escalation.Escalations;
import dev.accountflow.expansion.ExpansionSignals;
import dev.accountflow.featurerequest.FeatureRequests;
import dev.accountflow.money.SalesDates;
import dev.accountflow.opportunity.Opportunity;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.BookPage;
import dev.accountflow.account.BookQuery;
import dev.accountflow.account.BookRow;
import dev.accountflow.account.TouchPointKind;
import dev.accountflow.plan.AccountPlans;
import dev.accountflow.plan.ObjectiveStatus;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * My book, the account page and the renewals board, rendered on the server. A rep sees her own accounts; another
 * rep's account answers a 403 page that says so, an unknown id the 404 page.
 */
@Controller
class BookPagesController {

    private final AccountService accounts;
    private final AccountPage accountPage;
    private final RenewalsBoard board;
    private final AccountPlans plans;
    private final TouchPoints touchPoints;
    private final FeatureRequests featureRequests;
    private final Escalations escalations;
    private final ExpansionSignals expansion;
    private final TaskService tasks;

    BookPagesController(AccountService accounts, AccountPage accountPage, RenewalsBoard board, AccountPlans plans,
                        TouchPoints touchPoints, FeatureRequests featureRequests, Escalations escalations,
                        ExpansionSignals expansion, TaskService tasks) {
        this.expansion = expansion;
        this.tasks = tasks;
        this.accounts = accounts;
        this.accountPage = accountPage;
        this.board = board;
        this.plans = plans;
        this.touchPoints = touchPoints;
        this.featureRequests = featureRequests;
        this.escalations = escalations;
    }

    record Column(String key, String label, boolean numeric) {
    }

    private static final List<Column> COLUMNS = List.of(new Column("name", "Account", false),
            new Column("tier", "Tier", false), new Column("vertical", "Vertical", false),
            new Column("owner", "Owner", false), new Column("arr", "ARR", true),
            new Column("nextRenewal", "Next renewal", false), new Column("daysLeft", "Days left", true),
            new Column("health", "Health", false));

    record BookLine(BookRow row, String arr, String nextRenewal, String daysLeft, String health) {
    }

    /** An expansion suggestion as the book and account pages list it. */
    record SuggestionLine(String id, String accountId, String accountName, String kind, String product, String reason,
                          String amount, String ruleRow) {
        static SuggestionLine of(ExpansionSignals.OpenSuggestion s) {
            return new SuggestionLine(s.id(), s.accountId(), s.accountName(), s.kindLabel(), s.product(), s.reason(),
                    Shown.money(s.estimatedAmount()), s.ruleRow());
        }
    }

    static final int BOOK_SUGGESTIONS = 20;

    @GetMapping("/accounts")
    String book(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String q,
                @RequestParam(required = false) String owner, Model model) {
        CurrentUser user = CurrentUser.get();
        BookQuery query;
        try {
            query = BookQuery.of(page, size, sort, q, owner);
        } catch (ApiException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        BookPage found = accounts.bookPage(query);
        addUser(model, user);
        model.addAttribute("query", query);
        model.addAttribute("columns", COLUMNS);
        model.addAttribute("book", found);
        model.addAttribute("totalArr", Shown.money(found.totalArr()));
        model.addAttribute("lines", found.content().stream().map(r -> new BookLine(r, Shown.money(r.arr()),
                Shown.date(r.nextRenewal()), Shown.daysLeft(r.daysLeft()),
                r.health() == null ? "Healthy" : Shown.words(r.health()))).toList());
        model.addAttribute("seesWholeBook", user.seesWholeBook());
        model.addAttribute("suggestions", expansion.largestOpen(user.seesWholeBook() ? query.owner() : user.userId(),
                BOOK_SUGGESTIONS).stream().map(SuggestionLine::of).toList());
        model.addAttribute("canDecide", user.isIn(CurrentUser.SALES_MANAGERS) || user.isIn(CurrentUser.ACCOUNT_MANAGERS));
        return "accounts/book";
    }

    @GetMapping("/accounts/{id}")
    String account(@PathVariable String id, Model model, HttpServletResponse response) {
        CurrentUser user = CurrentUser.get();
        Account account = accounts.account(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        addUser(model, user);
        if (!mayRead(user, account)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "accounts/not-yours";
        }
        model.addAttribute("page", accountPage.of(account));
        model.addAttribute("canWrite", mayWrite(user, account));
        model.addAttribute("featureRequests", featureRequests.linesOfAccount(account.getId()));
        model.addAttribute("escalations", escalations.linesOfAccount(account.getId()));
        model.addAttribute("suggestions", expansion.openOnAccount(account.getId(), account.getName()).stream()
                .map(SuggestionLine::of).toList());
        model.addAttribute("touchPointKinds", Arrays.stream(TouchPointKind.values())
                .map(k -> new Option(k.name(), Shown.words(k))).toList());
        model.addAttribute("objectiveStatuses", Arrays.stream(ObjectiveStatus.values())
                .map(s -> new Option(s.name(), Shown.words(s))).toList());
        model.addAttribute("today", LocalDate.now(ZoneOffset.UTC).toString());
        return "accounts/account";
    }

    record Option(String value, String label) {
    }

    // as the API: only account managers (their own accounts) and sales managers write; others get the 403 page
    private static final String WRITERS = "hasAnyRole('sales-managers', 'account-managers')";

    @PreAuthorize(WRITERS)
    @PostMapping("/accounts/{id}/touch-points")
    String recordTouchPoint(@PathVariable String id, @RequestParam(required = false) String contactId,
                            @RequestParam(required = false) String kind, @RequestParam(required = false) String date,
                            @RequestParam(required = false) String note, RedirectAttributes flash) {
        try {
            TouchPointKind how = parseKind(kind);
            LocalDate day = parseDate(date);
            if (note != null && note.length() > 2000) {
                throw ApiException.badRequest("note: at most 2,000 characters", "note: at most 2,000 characters");
            }
            touchPoints.record(id, contactId == null ? "" : contactId, how,
                    day.atTime(12, 0).toInstant(ZoneOffset.UTC), note);
            flash.addFlashAttribute("notice", Shown.words(how) + " on " + Shown.date(day) + " recorded.");
        } catch (ApiException e) {
            refusedOrThrow(e, flash);
        }
        return "redirect:/accounts/" + id + "#people";
    }

    @PreAuthorize(WRITERS)
    @PostMapping("/accounts/{id}/contacts/{contactId}/departure")
    String contactLeft(@PathVariable String id, @PathVariable String contactId,
                       @RequestParam(required = false) String date, RedirectAttributes flash) {
        try {
            LocalDate day = parseDate(date);
            var contact = touchPoints.departed(id, contactId, day.atTime(12, 0).toInstant(ZoneOffset.UTC));
            flash.addFlashAttribute("notice", contact.getName() + " left the customer on "
                    + Shown.date(contact.getLeftAt()) + ".");
        } catch (ApiException e) {
            refusedOrThrow(e, flash);
        }
        return "redirect:/accounts/" + id + "#people";
    }

    @PreAuthorize(WRITERS)
    @PostMapping("/accounts/{id}/plan/objectives")
    String addObjective(@PathVariable String id, @RequestParam(required = false) Integer quarter,
                        @RequestParam(required = false) String objective, @RequestParam(required = false) String measure,
                        @RequestParam(required = false) String target, @RequestParam(required = false) String owner,
                        RedirectAttributes flash) {
        try {
            plans.addObjective(id, LocalDate.now(ZoneOffset.UTC).getYear(), quarter == null ? 0 : quarter, objective,
                    measure, target, owner);
            flash.addFlashAttribute("notice", "Objective added to the plan.");
        } catch (ApiException e) {
            refusedOrThrow(e, flash);
        }
        return "redirect:/accounts/" + id + "#plan";
    }

    @PreAuthorize(WRITERS)
    @PostMapping("/accounts/{id}/plan/objectives/{objectiveId}")
    String moveObjective(@PathVariable String id, @PathVariable String objectiveId,
                         @RequestParam(required = false) String status, RedirectAttributes flash) {
        try {
            ObjectiveStatus next;
            try {
                next = ObjectiveStatus.valueOf(String.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status: not a status", "status: one of "
                        + Arrays.toString(ObjectiveStatus.values()));
            }
            plans.moveObjective(id, objectiveId, next);
            flash.addFlashAttribute("notice", "Objective set to " + Shown.words(next) + ".");
        } catch (ApiException e) {
            refusedOrThrow(e, flash);
        }
        return "redirect:/accounts/" + id + "#plan";
    }

    /**
     * Accept on a suggestion: the EXPANSION opportunity starts (or the one already started is found) and the rep
     * lands on its first task in Tasklist.
     */
    @PreAuthorize(WRITERS)
    @PostMapping("/accounts/{id}/suggestions/{suggestionId}/accept")
    String acceptSuggestion(@PathVariable String id, @PathVariable String suggestionId, RedirectAttributes flash) {
        requireSuggestionOf(id, suggestionId);
        try {
            Opportunity opportunity = expansion.accept(suggestionId);
            List<Task> first = opportunity.getProcessInstanceId() == null ? List.of() : tasks.createTaskQuery()
                    .processInstanceId(opportunity.getProcessInstanceId()).orderByTaskCreateTime().asc().listPage(0, 1);
            if (!first.isEmpty()) {
                return "redirect:" + TasklistLinks.task(first.get(0).getId());
            }
            flash.addFlashAttribute("notice", "Opportunity " + opportunity.getName() + " opened.");
        } catch (ApiException e) {
            refusedOrThrow(e, flash);
        }
        return "redirect:/accounts/" + id + "#opportunities";
    }

    /** Dismiss with a reason: hidden for the table's quiet period; back to the page it was dismissed on. */
    @PreAuthorize(WRITERS)
    @PostMapping("/accounts/{id}/suggestions/{suggestionId}/dismiss")
    String dismissSuggestion(@PathVariable String id, @PathVariable String suggestionId,
                             @RequestParam(required = false) String reason, @RequestParam(required = false) String back,
                             RedirectAttributes flash) {
        requireSuggestionOf(id, suggestionId);
        try {
            var dismissed = expansion.dismiss(suggestionId, reason);
            flash.addFlashAttribute("notice", dismissed.getProduct() + " dismissed; hidden until "
                    + SalesDates.format(dismissed.getHiddenUntil()) + ".");
        } catch (ApiException e) {
            refusedOrThrow(e, flash);
        }
        return "book".equals(back) ? "redirect:/accounts#suggestions" : "redirect:/accounts/" + id + "#suggestions";
    }

    // a suggestion is acted on from its own account's page (or the book's line for that account)
    private void requireSuggestionOf(String accountId, String suggestionId) {
        if (!expansion.accountOf(suggestionId).map(accountId::equals).orElse(false)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @GetMapping("/renewals")
    String renewals(@RequestParam(required = false) Integer page, @RequestParam(required = false) String owner,
                    Model model) {
        CurrentUser user = CurrentUser.get();
        int p = page == null ? 0 : page;
        if (p < 0 || p > 1_000_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page: must be between 0 and 1000000");
        }
        String who = user.seesWholeBook() ? (owner == null || owner.isBlank() ? null : owner.strip()) : user.userId();
        addUser(model, user);
        model.addAttribute("board", board.page(who, p));
        model.addAttribute("seesWholeBook", user.seesWholeBook());
        model.addAttribute("owner", who == null ? "" : who);
        return "renewals/board";
    }

    // a form's bad field comes back as a message on the page; not being allowed is the error page
    private static void refusedOrThrow(ApiException e, RedirectAttributes flash) {
        if (e.status() == HttpStatus.BAD_REQUEST) {
            flash.addFlashAttribute("problem", String.join("; ", e.details().isEmpty() ? List.of(e.getMessage())
                    : e.details()));
            return;
        }
        throw new ResponseStatusException(e.status(), e.getMessage());
    }

    private static TouchPointKind parseKind(String kind) {
        try {
            return TouchPointKind.valueOf(String.valueOf(kind));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind: meeting, call or e-mail", "kind: meeting, call or e-mail");
        }
    }

    private static LocalDate parseDate(String date) {
        try {
            LocalDate day = LocalDate.parse(String.valueOf(date));
            if (day.isAfter(LocalDate.now(ZoneOffset.UTC)) || day.isBefore(LocalDate.of(1900, 1, 1))) {
                throw ApiException.badRequest("date: not in the future", "date: must be today or earlier, not "
                        + Shown.date(day));
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date: a day such as 2026-11-28", "date: a day such as 2026-11-28");
        }
    }

    static boolean mayRead(CurrentUser user, Account account) {
        return user.seesWholeBook() || (user.userId() != null && user.userId().equals(account.getOwnerId()));
    }

    static boolean mayWrite(CurrentUser user, Account account) {
        return user.isIn(CurrentUser.SALES_MANAGERS) || (user.isIn(CurrentUser.ACCOUNT_MANAGERS)
                && user.userId() != null && user.userId().equals(account.getOwnerId()));
    }

    private static void addUser(Model model, CurrentUser user) {
        model.addAttribute("userId", user.userId());
        model.addAttribute("manager", user.managesPortfolio());
    }
}
