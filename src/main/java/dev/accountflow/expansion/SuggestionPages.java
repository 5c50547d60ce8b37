package dev.accountflow.expansion;

import dev.accountflow.money.Money;
import dev.accountflow.security.CurrentUser;
import java.math.BigDecimal;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Suggestions per rep: open, accepted and dismissed, and the pipeline the accepted ones opened. Sales managers and
 * admins see every rep; an account manager sees her own line.
 */
@Controller
class SuggestionPages {

    private static final String READERS = "hasAnyRole('sales-managers', 'account-managers', 'camunda-admin')";

    private final ExpansionSignals signals;

    SuggestionPages(ExpansionSignals signals) {
        this.signals = signals;
    }

    record Line(String rep, long open, String openEstimate, long accepted, long dismissed, String pipeline,
                String closedWon) {
    }

    @GetMapping("/suggestions")
    @PreAuthorize(READERS)
    String summary(Model model) {
        List<ExpansionSignals.RepSummary> reps = visible();
        model.addAttribute("userId", CurrentUser.get().userId());
        model.addAttribute("lines", reps.stream().map(r -> new Line(r.ownerId() == null ? "(no owner)" : r.ownerId(),
                r.open(), Money.format(r.openEstimate()), r.accepted(), r.dismissed(), Money.format(r.pipeline()),
                Money.format(r.closedWon()))).toList());
        model.addAttribute("total", new Line("Team", reps.stream().mapToLong(ExpansionSignals.RepSummary::open).sum(),
                Money.format(sum(reps, ExpansionSignals.RepSummary::openEstimate)),
                reps.stream().mapToLong(ExpansionSignals.RepSummary::accepted).sum(),
                reps.stream().mapToLong(ExpansionSignals.RepSummary::dismissed).sum(),
                Money.format(sum(reps, ExpansionSignals.RepSummary::pipeline)),
                Money.format(sum(reps, ExpansionSignals.RepSummary::closedWon))));
        return "expansion/summary";
    }

    /** The same figures for API clients. */
    @Operation(operationId = "summarizeSuggestions", summary = "Suggestions per rep: open, accepted, dismissed and "
            + "the pipeline they sourced", tags = "Expansion signals")
    @GetMapping("/api/suggestions/summary")
    @PreAuthorize(READERS)
    @ResponseBody
    List<ExpansionSignals.RepSummary> summaryApi() {
        return visible();
    }

    private List<ExpansionSignals.RepSummary> visible() {
        CurrentUser user = CurrentUser.get();
        List<ExpansionSignals.RepSummary> all = signals.summaryByRep();
        return user.managesPortfolio() ? all
                : all.stream().filter(r -> user.userId() != null && user.userId().equals(r.ownerId())).toList();
    }

    private static BigDecimal sum(List<ExpansionSignals.RepSummary> reps,
                                  java.util.function.Function<ExpansionSignals.RepSummary, BigDecimal> figure) {
        return reps.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
