package dev.accountflow.rules;

/** A decision together with the rule run that made it, so every "why?" has an answer. */
public record Decided<T>(T decision, RuleRun run) {
}
