package dev.accountflow.featurerequest;

/** The product areas product management is organised by; a request of unknown area goes to triage. */
public enum ProductArea {
    COMMERCE, ANALYTICS, PLATFORM
}
