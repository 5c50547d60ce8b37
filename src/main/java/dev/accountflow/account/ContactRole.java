package dev.accountflow.account;

public enum ContactRole {
    EXECUTIVE_SPONSOR, CHAMPION, DECISION_MAKER, TECHNICAL, PROCUREMENT
}
