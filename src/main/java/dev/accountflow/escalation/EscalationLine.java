package dev.accountflow.escalation;

import java.time.Instant;
import java.util.List;

/** One escalation as the account page shows it: where it stands, its SLA clock, and its history. */
public record EscalationLine(String id, String severity, String division, String summary, String status,
                             String group, String slaClock, boolean breached, String resolution, String raisedOn,
                             boolean awaitingConfirmation, List<Step> history) {

    /** One step of the history: when, what, who, and what they wrote. */
    public record Step(String when, String what, String who, String detail) {
        static Step of(EscalationEntry e) {
            return new Step(Escalations.shown(e.getHappenedAt()), words(e.getKind().name()),
                    e.getActor() == null ? "AccountFlow" : e.getActor(), e.getDetail() == null ? "" : e.getDetail());
        }
    }

    static EscalationLine of(Escalation e, List<EscalationEntry> history, Instant now) {
        return new EscalationLine(e.getId(), e.getSeverity().name(), Escalations.words(e.getDivision()), e.getSummary(),
                words(e.getStatus().name()), e.getRoutedGroup() == null ? "" : e.getRoutedGroup(), clock(e, now),
                e.getBreachedAt() != null, e.getResolution() == null ? "" : e.getResolution(),
                Escalations.shown(e.getCreatedAt()), e.getStatus() == EscalationStatus.RESOLVED,
                history.stream().map(Step::of).toList());
    }

    /** The SLA clock in words: the next deadline and how it stands against now. */
    static String clock(Escalation e, Instant now) {
        return switch (e.getStatus()) {
            case OPEN -> deadline("Acknowledge by ", e.getAcknowledgeBy(), now);
            case ACKNOWLEDGED -> deadline("Resolve by ", e.getResolveBy(), now);
            case RESOLVED -> "Resolved " + Escalations.shown(e.getResolvedAt()) + ": waiting for your confirmation";
            case CLOSED -> "Closed " + Escalations.shown(e.getClosedAt());
        };
    }

    private static String deadline(String label, Instant by, Instant now) {
        if (by == null) {
            return "Being routed";
        }
        if (now.isAfter(by)) {
            return label + Escalations.shown(by) + " — overdue by " + BusinessHours.between(by, now).stripTrailingZeros()
                    .toPlainString() + " business hours";
        }
        return label + Escalations.shown(by) + " — " + BusinessHours.between(now, by).stripTrailingZeros().toPlainString()
                + " business hours left";
    }

    private static String words(String constant) {
        String text = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
