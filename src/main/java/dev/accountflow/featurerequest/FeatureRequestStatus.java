package dev.accountflow.featurerequest;

/** Where a feature request stands; a linked duplicate follows its master. */
public enum FeatureRequestStatus {
    SUBMITTED, TRIAGED, UNDER_REVIEW, PLANNED, DECLINED, SHIPPED;

    boolean isOpen() {
        return this == SUBMITTED || this == TRIAGED || this == UNDER_REVIEW;
    }
}
