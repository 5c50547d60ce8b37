package dev.accountflow.health;

import dev.accountflow.account.AccountService;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RiskFlagController {

    private final AccountService accounts;
    private final HealthService health;

    RiskFlagController(AccountService accounts, HealthService health) {
        this.accounts = accounts;
        this.health = health;
    }

    record RiskFlagView(String id, String code, String severity, String reason, String ruleName, Instant raisedAt,
                        Instant resolvedAt) {
    }

    @GetMapping("/api/accounts/{id}/risk-flags")
    List<RiskFlagView> flags(@PathVariable String id) {
        accounts.visibleAccount(id);
        return health.flagsOf(id).stream().map(f -> new RiskFlagView(f.getId(), f.getCode(), f.getSeverity(),
                f.getReason(), f.getRuleName(), f.getRaisedAt(), f.getResolvedAt())).toList();
    }
}
