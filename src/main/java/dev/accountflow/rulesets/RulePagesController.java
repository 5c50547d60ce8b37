package dev.accountflow.rulesets;

import dev.accountflow.rules.RuleBook;
import dev.accountflow.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The rule pages: the list of rule sets and the editor of one. Both read and write through the rule set API from
 * the browser; the server only decides which controls a user gets at all.
 */
@Controller
class RulePagesController {

    private final RuleBook ruleBook;

    RulePagesController(RuleBook ruleBook) {
        this.ruleBook = ruleBook;
    }

    @GetMapping("/rules")
    String list(Model model) {
        addUser(model);
        return "rules/list";
    }

    /** A rule set kept as a table opens as its table; the others in the rule text editor. */
    @GetMapping("/rules/{name}")
    String edit(@PathVariable String name, Model model) {
        addUser(model);
        model.addAttribute("name", name);
        model.addAttribute("hasTemplate", false);
        return ruleBook.table(name).isPresent() ? "rules/table" : "rules/edit";
    }

    /** The rule code behind a table: for rule developers only, because code can do anything the app can. */
    @GetMapping("/rules/{name}/code")
    String code(@PathVariable String name, Model model, HttpServletResponse response) {
        if (!RuleAuthors.writeCode(CurrentUser.get())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "error/403";
        }
        addUser(model);
        model.addAttribute("name", name);
        model.addAttribute("hasTemplate", ruleBook.table(name).isPresent());
        return "rules/edit";
    }

    private static void addUser(Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("userId", user.userId());
        // the same groups the rule set API lets check, test, simulate and change rules
        model.addAttribute("canEdit", RuleAuthors.include(user));
        model.addAttribute("canWriteCode", RuleAuthors.writeCode(user));
    }
}
