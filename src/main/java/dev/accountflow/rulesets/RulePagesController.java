package dev.accountflow.rulesets;

import dev.accountflow.security.CurrentUser;
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

    @GetMapping("/rules")
    String list(Model model) {
        addUser(model);
        return "rules/list";
    }

    @GetMapping("/rules/{name}")
    String edit(@PathVariable String name, Model model) {
        addUser(model);
        model.addAttribute("name", name);
        return "rules/edit";
    }

    private static void addUser(Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("userId", user.userId());
        // the same groups the rule set API lets check, test, simulate and change rules
        model.addAttribute("canEdit", RuleAuthors.include(user));
    }
}
