package dev.accountflow.opportunity;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.BookQuery;
import dev.accountflow.account.BookRow;
import dev.accountflow.money.Money;
import dev.accountflow.money.SalesDates;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The opportunities page: the pipeline the signed-in person may see, 50 deals a page, each with its stage, amount,
 * close date, why a gate refused it, the help asked for and the answers; and the form an account manager opens an
 * expansion or new-business deal with (checked like {@code POST /api/opportunities}).
 */
@Controller
class OpportunityPages {

    static final int PAGE_SIZE = 50;
    private static final int ACCOUNT_CHOICES = 200;
    private static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

    private final OpportunityService opportunities;
    private final AccountService accounts;
    private final TaskService tasks;
    private final RuntimeService runtime;

    OpportunityPages(OpportunityService opportunities, AccountService accounts, TaskService tasks,
                     RuntimeService runtime) {
        this.opportunities = opportunities;
        this.accounts = accounts;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    record Line(String id, String name, String accountId, String account, String type, String stage, String amount,
                String closeDate, String probability, String category, String owner, List<String> gateReasons,
                List<String> help, List<String> waitingHelp, String servicesEstimate, String lossReason,
                String taskLink, boolean open) {
    }

    record Choice(String value, String label) {
    }

    @GetMapping("/opportunities")
    @PreAuthorize("hasAnyRole('sales-managers', 'account-managers', 'camunda-admin', 'solution-engineering', 'services')")
    String page(@RequestParam(required = false) Integer page, @RequestParam(required = false) String account,
                Model model) {
        int p = page == null ? 0 : page;
        if (p < 0 || p > 1_000_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page: must be between 0 and 1000000");
        }
        Map<String, String> typed = new HashMap<>();
        if (account != null) {
            typed.put("accountId", account);
        }
        fill(model, p, typed);
        return "opportunities/list";
    }

    @PostMapping("/opportunities")
    @PreAuthorize("hasAnyRole('sales-managers', 'account-managers')")
    String open(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                RedirectAttributes flash) {
        Map<String, String> typed = new HashMap<>(form);
        typed.remove("_csrf");
        try {
            Opportunity opened = opportunities.open(OpportunityForm.read(typed));
            flash.addFlashAttribute("notice", "Opportunity '" + opened.getName() + "' opened in Qualify: "
                    + Money.format(opened.getAmount()) + ", closing " + SalesDates.format(opened.getCloseDate())
                    + ". Its first task is in your Tasklist.");
            return "redirect:/opportunities";
        } catch (ApiException e) {
            if (e.status() == HttpStatus.FORBIDDEN) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
            }
            response.setStatus(e.status().value());
            model.addAttribute("problems", e.details().isEmpty() ? List.of(e.getMessage()) : e.details());
            fill(model, 0, typed);
            return "opportunities/list";
        }
    }

    private void fill(Model model, int p, Map<String, String> typed) {
        CurrentUser user = CurrentUser.get();
        Page<Opportunity> found = opportunities.page(p, PAGE_SIZE);
        model.addAttribute("userId", user.userId());
        model.addAttribute("seesWholeBook", user.seesWholeBook());
        model.addAttribute("mayOpen", user.isIn(CurrentUser.ACCOUNT_MANAGERS) || user.isIn(CurrentUser.SALES_MANAGERS));
        model.addAttribute("lines", lines(found.getContent()));
        model.addAttribute("total", found.getTotalElements());
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, found.getTotalPages()));
        model.addAttribute("typed", typed);
        if (user.isIn(CurrentUser.ACCOUNT_MANAGERS) || user.isIn(CurrentUser.SALES_MANAGERS)) {
            model.addAttribute("accountChoices", accountChoices(typed.get("accountId")));
            model.addAttribute("partnerChoices", opportunities.partners().stream()
                    .map(partner -> new Choice(partner.getId(), partner.getName() + " (" + words(partner.getKind()) + ")"))
                    .toList());
            model.addAttribute("typeChoices", List.of(new Choice("EXPANSION", "Expansion"),
                    new Choice("NEW_BUSINESS", "New business")));
            model.addAttribute("today", SalesDates.today().toString());
        }
    }

    /** Her accounts by name (the first 200; the account page links here with its own id preselected). */
    private List<Choice> accountChoices(String preselected) {
        Map<String, Choice> choices = new LinkedHashMap<>();
        for (BookRow row : accounts.bookPage(BookQuery.of(0, ACCOUNT_CHOICES, "name", null, null)).content()) {
            choices.put(row.id(), new Choice(row.id(), row.name()));
        }
        if (preselected != null && !choices.containsKey(preselected)) {
            try {
                Account account = accounts.visibleAccount(preselected);
                choices.put(account.getId(), new Choice(account.getId(), account.getName()));
            } catch (ApiException notVisible) {
                // an id from another book is not offered; the form says so when it is sent
            }
        }
        return new ArrayList<>(choices.values());
    }

    private List<Line> lines(List<Opportunity> deals) {
        Map<String, String> accountNames = new HashMap<>();
        Map<String, Task> stageTasks = new HashMap<>();
        Map<String, List<String>> waiting = new HashMap<>();
        if (!deals.isEmpty()) {
            List<Task> open = tasks.createTaskQuery()
                    .processDefinitionKeyIn(OpportunityService.PROCESS, OpportunityService.ASSIST_PROCESS)
                    .processInstanceBusinessKeyIn(deals.stream().map(Opportunity::getId).toArray(String[]::new)).list();
            Map<String, String> dealOf = new HashMap<>();
            if (!open.isEmpty()) {
                runtime.createProcessInstanceQuery().processInstanceIds(open.stream().map(Task::getProcessInstanceId)
                        .collect(java.util.stream.Collectors.toSet())).list()
                        .forEach(p -> dealOf.put(p.getId(), p.getBusinessKey()));
            }
            for (Task task : open) {
                String dealId = dealOf.get(task.getProcessInstanceId());
                if ("Task_WorkStage".equals(task.getTaskDefinitionKey())) {
                    stageTasks.put(dealId, task);
                } else {
                    waiting.computeIfAbsent(dealId, k -> new ArrayList<>()).add(task.getName() + " — with "
                            + (task.getAssignee() != null ? task.getAssignee() : "the team") + ", due "
                            + (task.getDueDate() == null ? "—" : SalesDates.format(task.getDueDate().toInstant()
                            .atZone(java.time.ZoneOffset.UTC).toLocalDate())));
                }
            }
        }
        return deals.stream().map(o -> {
            String accountName = accountNames.computeIfAbsent(o.getAccountId(),
                    id -> accounts.account(id).map(Account::getName).orElse(id));
            Task stageTask = stageTasks.get(o.getId());
            return new Line(o.getId(), o.getName(), o.getAccountId(), accountName, words(o.getType()),
                    o.getStage().label(), Money.format(o.getAmount()), SalesDates.format(o.getCloseDate()),
                    o.getProbability() + " %", words(o.getForecastCategory()), o.getOwnerId(),
                    split(o.getGateReasons()), split(o.getAssistanceNotes()),
                    waiting.getOrDefault(o.getId(), List.of()),
                    o.getServicesEstimate() == null ? null : Money.format(o.getServicesEstimate()), o.getLossReason(),
                    stageTask == null ? null : TASKLIST + stageTask.getId(), o.isOpen());
        }).toList();
    }

    private static List<String> split(String lines) {
        return lines == null || lines.isBlank() ? List.of() : Arrays.stream(lines.split("\n"))
                .filter(s -> !s.isBlank()).toList();
    }

    private static String words(Object constant) {
        if (constant == null) {
            return "—";
        }
        String text = constant.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
