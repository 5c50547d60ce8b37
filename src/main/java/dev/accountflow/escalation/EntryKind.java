package dev.accountflow.escalation;

/** One step in an escalation's history. */
enum EntryKind {
    RAISED, ROUTED, ACKNOWLEDGED, NOTE, RESOLVED, REOPENED, CLOSED, REMINDED, BREACHED
}
