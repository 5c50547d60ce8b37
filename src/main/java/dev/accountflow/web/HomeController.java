package dev.accountflow.web;

import dev.accountflow.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after sign-in, and the sign-in page itself. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("userId", user.userId());
        model.addAttribute("groups", user.groups().stream().sorted().toList());
        model.addAttribute("manager", user.managesPortfolio());
        return "index";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
