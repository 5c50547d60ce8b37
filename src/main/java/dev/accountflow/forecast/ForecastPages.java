package dev.accountflow.forecast;

import dev.accountflow.money.Money;
import dev.accountflow.opportunity.OpportunityType;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The forecast page: the same figures as {@code GET /api/forecast} for a quarter, per rep and opportunity type, with
 * charts (pipeline by stage, forecast against quota per rep, GRR and NRR by quarter) drawn by ECharts from the
 * app's WebJar. A rep sees her own row; sales managers everyone's, and set quotas here.
 */
@Controller
class ForecastPages {

    private final ForecastService forecasts;
    private final IdentityService identity;
    private final ObjectMapper json;

    ForecastPages(ForecastService forecasts, IdentityService identity, ObjectMapper json) {
        this.forecasts = forecasts;
        this.identity = identity;
        this.json = json;
    }

    record Line(String rep, String type, String pipeline, String bestCase, String commit, String closedWon,
                String weighted, String quota, String attainment, String coverage) {
    }

    record RetentionLine(String quarter, String upForRenewal, String renewalRate, String grr, String nrr) {
    }

    @GetMapping("/forecast")
    @PreAuthorize("hasAnyRole('sales-managers', 'account-managers', 'camunda-admin')")
    String page(@RequestParam(required = false) String quarter, @RequestParam(required = false) String owner,
                Model model) {
        Quarter q;
        String visible;
        try {
            q = ForecastController.quarterOrThis(quarter);
            visible = ForecastController.visibleOwner(owner);
        } catch (ApiException e) {
            throw new ResponseStatusException(e.status(), e.details().isEmpty() ? e.getMessage() : e.details().get(0));
        }
        CurrentUser user = CurrentUser.get();
        Forecast f = forecasts.forecast(q, visible);
        model.addAttribute("userId", user.userId());
        model.addAttribute("manager", user.isIn(CurrentUser.SALES_MANAGERS));
        model.addAttribute("seesTeam", user.managesPortfolio());
        model.addAttribute("quarter", q.toString());
        model.addAttribute("previousQuarter", q.previous().toString());
        model.addAttribute("nextQuarter", next(q).toString());
        model.addAttribute("owner", visible);
        model.addAttribute("total", line(null, null, f.pipeline(), f.bestCase(), f.commit(), f.closedWon(),
                f.weightedPipeline(), f.quota(), f.attainmentPct(), f.pipelineCoverage()));
        model.addAttribute("reps", f.reps().stream().map(ForecastPages::line).toList());
        model.addAttribute("rows", f.rows().stream().map(ForecastPages::line).toList());
        model.addAttribute("renewalRate", pct(f.renewalRate()));
        model.addAttribute("grr", pct(f.grr()));
        model.addAttribute("nrr", pct(f.nrr()));
        model.addAttribute("upForRenewal", Money.format(f.upForRenewal()));
        model.addAttribute("pipelineFromSignals", Money.format(f.pipelineFromSignals()));
        model.addAttribute("retention", f.retentionByQuarter().stream().map(r -> new RetentionLine(r.quarter(),
                Money.format(r.upForRenewal()), pct(r.renewalRate()), pct(r.grr()), pct(r.nrr()))).toList());
        try {
            model.addAttribute("chart", json.writeValueAsString(chart(f)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Forecast chart data", e);
        }
        if (user.isIn(CurrentUser.SALES_MANAGERS)) {
            model.addAttribute("repChoices", identity.createUserQuery().memberOfGroup(CurrentUser.ACCOUNT_MANAGERS)
                    .orderByUserId().asc().listPage(0, 500).stream().map(User::getId).toList());
            model.addAttribute("typeChoices", List.of(OpportunityType.values()));
        }
        return "forecast/page";
    }

    /** A sales manager sets one rep's target for a quarter and type; the amount is typed like 702,400. */
    @PostMapping("/forecast/quotas")
    @PreAuthorize("hasRole('sales-managers')")
    String setQuota(@RequestParam(required = false) String userId, @RequestParam(required = false) String quarter,
                    @RequestParam(required = false) String type, @RequestParam(required = false) String target,
                    RedirectAttributes flash) {
        String back = "/forecast";
        try {
            Quarter q = Quarter.parse("quarter", quarter);
            back = UriComponentsBuilder.fromPath("/forecast").queryParam("quarter", q.toString()).toUriString();
            if (userId == null || userId.isBlank()
                    || identity.createUserQuery().userId(userId.strip()).memberOfGroup(CurrentUser.ACCOUNT_MANAGERS).count() == 0) {
                throw ApiException.badRequest("Unknown rep", "userId: pick an account manager");
            }
            OpportunityType kind;
            try {
                kind = OpportunityType.valueOf(String.valueOf(type));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Unknown type", "type: pick Renewal, Expansion or New business");
            }
            BigDecimal amount = Money.parse(target).orElseThrow(() ->
                    ApiException.badRequest("Invalid target", Money.problem("target", target)));
            Map<OpportunityType, BigDecimal> targets = ForecastController.targets(Map.of(kind.name(), amount));
            forecasts.setQuota(userId.strip(), q, new EnumMap<>(targets));
            flash.addFlashAttribute("notice", "Quota for " + userId.strip() + ", " + q + ", " + words(kind) + ": "
                    + Money.format(amount) + ".");
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw new ResponseStatusException(e.status(), e.getMessage());
            }
            flash.addFlashAttribute("problem", String.join("; ", e.details().isEmpty() ? List.of(e.getMessage())
                    : e.details()));
        }
        return "redirect:" + back;
    }

    /** What the charts draw, as plain numbers; the page formats them as money and percentages. */
    static Map<String, Object> chart(Forecast f) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("stages", f.byStage().stream().map(s -> s.stage().label()).toList());
        chart.put("stageAmounts", f.byStage().stream().map(Forecast.StageRow::amount).toList());
        chart.put("stageCounts", f.byStage().stream().map(Forecast.StageRow::count).toList());
        chart.put("reps", f.reps().stream().map(Forecast.Row::ownerId).toList());
        chart.put("closedWon", f.reps().stream().map(Forecast.Row::closedWon).toList());
        chart.put("commit", f.reps().stream().map(Forecast.Row::commit).toList());
        chart.put("bestCase", f.reps().stream().map(Forecast.Row::bestCase).toList());
        chart.put("weighted", f.reps().stream().map(Forecast.Row::weightedPipeline).toList());
        chart.put("quota", f.reps().stream().map(Forecast.Row::quota).toList());
        chart.put("quarters", f.retentionByQuarter().stream().map(Forecast.RetentionRow::quarter).toList());
        chart.put("grr", f.retentionByQuarter().stream().map(Forecast.RetentionRow::grr).toList());
        chart.put("nrr", f.retentionByQuarter().stream().map(Forecast.RetentionRow::nrr).toList());
        return chart;
    }

    private static Line line(Forecast.Row r) {
        return line(r.ownerId(), r.type(), r.pipeline(), r.bestCase(), r.commit(), r.closedWon(), r.weightedPipeline(),
                r.quota(), r.attainmentPct(), r.pipelineCoverage());
    }

    private static Line line(String rep, OpportunityType type, BigDecimal pipeline, BigDecimal bestCase,
                             BigDecimal commit, BigDecimal closedWon, BigDecimal weighted, BigDecimal quota,
                             BigDecimal attainment, BigDecimal coverage) {
        return new Line(rep, type == null ? "All types" : words(type), Money.format(pipeline), Money.format(bestCase),
                Money.format(commit), Money.format(closedWon), Money.format(weighted), Money.format(quota),
                pct(attainment), coverage == null ? "—" : coverage.stripTrailingZeros().toPlainString() + "×");
    }

    private static String pct(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString() + " %";
    }

    private static String words(OpportunityType type) {
        String text = type.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Quarter next(Quarter q) {
        return q.number() == 4 ? new Quarter(q.year() + 1, 1) : new Quarter(q.year(), q.number() + 1);
    }
}
