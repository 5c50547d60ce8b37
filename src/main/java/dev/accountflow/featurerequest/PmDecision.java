package dev.accountflow.featurerequest;

/** A product manager's answer to a feature request review. */
enum PmDecision {
    PLANNED, DECLINED, NEED_INFO, DUPLICATE
}
