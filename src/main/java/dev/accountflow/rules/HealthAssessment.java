package dev.accountflow.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The findings the health rules raised for one account. */
public class HealthAssessment {

    private final AccountHealthFacts account;
    private final List<HealthFinding> findings = new ArrayList<>();

    /** The assessment of one account; the rules join it to the account's facts, so a session may hold many. */
    public HealthAssessment(AccountHealthFacts account) {
        this.account = account;
    }

    /** Whose assessment this is. */
    public AccountHealthFacts getAccount() {
        return account;
    }

    public FlagRaised flag(AccountHealthFacts facts, String code, String severity, String reason, String ruleName) {
        flag(code, severity, reason, ruleName);
        return new FlagRaised(facts, code);
    }

    public void flag(String code, String severity, String reason, String ruleName) {
        findings.add(new HealthFinding(code, severity, reason, ruleName));
    }

    public List<HealthFinding> getFindings() {
        return Collections.unmodifiableList(findings);
    }

    /** An account is at risk as soon as one finding is HIGH; MEDIUM findings are warnings. */
    public boolean isAtRisk() {
        return findings.stream().anyMatch(finding -> "HIGH".equals(finding.severity()));
    }
}
