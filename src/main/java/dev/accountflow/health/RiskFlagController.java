package dev.accountflow.health;

import dev.accountflow.account.AccountService;
import dev.accountflow.rules.DecisionLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Risk flags")
@RestController
class RiskFlagController {

    private final AccountService accounts;
    private final HealthService health;
    private final DecisionLog decisions;

    RiskFlagController(AccountService accounts, HealthService health, DecisionLog decisions) {
        this.accounts = accounts;
        this.health = health;
        this.decisions = decisions;
    }

    record RiskFlagView(String id, String code, String severity, String reason, String ruleName, Instant raisedAt,
                        Instant resolvedAt, String decisionId, String why) {
    }

    @Operation(operationId = "listRiskFlags", summary = "List an account's risk flags",
            description = "Open and resolved, with the rule that raised each.")
    @GetMapping("/api/accounts/{id}/risk-flags")
    List<RiskFlagView> flags(@PathVariable String id) {
        accounts.visibleAccount(id);
        return health.flagsOf(id).stream().map(f -> new RiskFlagView(f.getId(), f.getCode(), f.getSeverity(),
                f.getReason(), f.getRuleName(), f.getRaisedAt(), f.getResolvedAt(), f.getDecisionId(),
                f.getDecisionId() == null ? f.getReason()
                        : decisions.find(f.getDecisionId()).map(DecisionLog::why).orElse(f.getReason()))).toList();
    }
}
