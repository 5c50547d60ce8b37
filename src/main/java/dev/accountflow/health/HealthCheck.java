package dev.accountflow.health;

import dev.accountflow.rules.HealthFinding;
import java.util.List;

/** The result of assessing one account: at risk (a HIGH finding), every finding, and the decision behind them. */
public record HealthCheck(String accountId, boolean atRisk, List<HealthFinding> findings, String decisionId) {

    /** One sentence per finding, for forms and e-mails. */
    public String reasons() {
        return findings.isEmpty() ? "No risk flags"
                : String.join("\n", findings.stream().map(f -> f.severity() + ": " + f.reason()).toList());
    }
}
