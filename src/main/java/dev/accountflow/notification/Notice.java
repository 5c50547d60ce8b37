package dev.accountflow.notification;

/**
 * One notice to queue: what it says, the key that stops it going twice, and why it is sent (a sentence, and the
 * id of the rule decision behind it when there is one).
 */
public record Notice(String template, String subject, String body, String dedupeKey, String reason,
                     String decisionId, String htmlBody) {

    /** A plain-text notice. */
    public Notice(String template, String subject, String body, String dedupeKey, String reason, String decisionId) {
        this(template, subject, body, dedupeKey, reason, decisionId, null);
    }

    Notice forMember(String userId) {
        return new Notice(template, subject, body, dedupeKey + ":" + userId, reason, decisionId, htmlBody);
    }
}
