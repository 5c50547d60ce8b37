package dev.accountflow.account;

/** How a rep was in touch with someone at the account. */
public enum TouchPointKind {
    MEETING, CALL, EMAIL
}
