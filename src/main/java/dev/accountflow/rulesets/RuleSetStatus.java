package dev.accountflow.rulesets;

public enum RuleSetStatus {
    /** saved, compiles, not serving */
    DRAFT,
    /** the version decisions are made with */
    ACTIVE,
    /** served once, replaced by a later publish */
    RETIRED
}
