package dev.accountflow.plan;

public enum ObjectiveStatus {
    NOT_STARTED, ON_TRACK, AT_RISK, DONE, MISSED
}
