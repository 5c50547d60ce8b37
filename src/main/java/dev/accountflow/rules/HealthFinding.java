package dev.accountflow.rules;

/** One reason an account looks unhealthy: severity is HIGH, MEDIUM or LOW; the reason names the numbers seen. */
public record HealthFinding(String code, String severity, String reason, String ruleName) {
}
