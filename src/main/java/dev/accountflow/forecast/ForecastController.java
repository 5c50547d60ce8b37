package dev.accountflow.forecast;

import dev.accountflow.money.SalesDates;
import dev.accountflow.opportunity.OpportunityType;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Forecast")
@RestController
@RequestMapping("/api")
class ForecastController {

    private static final BigDecimal MAX_TARGET = new BigDecimal("1000000000000");

    private final ForecastService forecasts;
    private final IdentityService identity;

    ForecastController(ForecastService forecasts, IdentityService identity) {
        this.forecasts = forecasts;
        this.identity = identity;
    }

    /** A rep sees her own row only; asking for another rep's is refused. Managers see everyone. */
    @Operation(operationId = "getForecast", summary = "Read the quarter's forecast",
            description = "By rep and opportunity type against quota; a rep sees her own, a sales manager anyone's. "
                    + "Quarter as 2027-Q1, this quarter by default.")
    @GetMapping("/forecast")
    @PreAuthorize("hasAnyRole('sales-managers', 'account-managers', 'camunda-admin')")
    Forecast forecast(@RequestParam(required = false) String quarter, @RequestParam(required = false) String owner) {
        return forecasts.forecast(quarterOrThis(quarter), visibleOwner(owner));
    }

    /** Body: a target per opportunity type, e.g. {"EXPANSION": 500000, "NEW_BUSINESS": 250000}. */
    @Operation(operationId = "setQuota", summary = "Set a rep's quota for a quarter",
            description = "Sales managers only; one target per opportunity type.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "EXPANSION": 500000,
                          "NEW_BUSINESS": 250000
                        }
                        """))))
    @PutMapping("/quotas/{userId}/{quarter}")
    @PreAuthorize("hasRole('sales-managers')")
    Map<String, Object> setQuota(@PathVariable String userId, @PathVariable String quarter,
                                 @RequestBody Map<String, Object> body) {
        Quarter q = Quarter.parse("quarter", quarter);
        if (identity.createUserQuery().userId(userId).count() == 0) {
            throw ApiException.notFound("User " + userId);
        }
        Map<OpportunityType, BigDecimal> targets = targets(body);
        forecasts.setQuota(userId, q, targets);
        return Map.of("userId", userId, "quarter", q.toString(), "targets", targets);
    }

    static Map<OpportunityType, BigDecimal> targets(Map<String, Object> body) {
        if (body == null || body.isEmpty()) {
            throw ApiException.badRequest("No targets", "body: name a target per type, e.g. {\"EXPANSION\": 500000}");
        }
        List<String> problems = new ArrayList<>();
        Map<OpportunityType, BigDecimal> targets = new EnumMap<>(OpportunityType.class);
        body.forEach((key, value) -> {
            OpportunityType type;
            try {
                type = OpportunityType.valueOf(key.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(key + ": not an opportunity type; use RENEWAL, EXPANSION or NEW_BUSINESS");
                return;
            }
            BigDecimal target;
            try {
                target = value instanceof Number n ? new BigDecimal(n.toString()) : null;
            } catch (NumberFormatException e) {
                target = null;
            }
            if (target == null || target.signum() < 0 || target.compareTo(MAX_TARGET) > 0
                    || target.stripTrailingZeros().scale() > 2) {
                problems.add(key + ": must be an amount from 0 to 1,000,000,000,000 with at most 2 decimals");
                return;
            }
            targets.put(type, target);
        });
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Invalid quota", problems.toArray(String[]::new));
        }
        return targets;
    }

    static Quarter quarterOrThis(String quarter) {
        return quarter == null || quarter.isBlank() ? Quarter.of(SalesDates.today()) : Quarter.parse("quarter", quarter);
    }

    static String visibleOwner(String owner) {
        CurrentUser user = CurrentUser.get();
        String asked = owner == null || owner.isBlank() ? null : owner.strip();
        if (user.managesPortfolio()) {
            return asked;
        }
        if (asked != null && !asked.equals(user.userId())) {
            throw ApiException.forbidden("Account managers see their own forecast only");
        }
        return user.userId();
    }
}
