package dev.accountflow.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The findings the health rules raised for one account. */
public class HealthAssessment {

    private final List<HealthFinding> findings = new ArrayList<>();

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
