package dev.accountflow.notification;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * A mail to a person, written once as a greeting, paragraphs and a sign-off: its plain-text and HTML parts say the
 * same thing, and the plain text is what a preview shows.
 */
public record Letter(String greeting, List<String> paragraphs, String signOff) {

    public Letter {
        paragraphs = paragraphs.stream().filter(p -> p != null && !p.isBlank()).toList();
    }

    public String text() {
        StringBuilder text = new StringBuilder(greeting).append("\n\n");
        paragraphs.forEach(p -> text.append(p).append("\n\n"));
        return text.append(signOff == null ? "" : signOff).toString().strip();
    }

    public String html() {
        String body = paragraphs.stream().map(Letter::paragraph).collect(Collectors.joining());
        return "<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;font-size:14px;color:#222\">"
                + paragraph(greeting) + body + (signOff == null ? "" : paragraph(signOff)) + "</body></html>";
    }

    /** The letter as an outbox notice with both parts. */
    public Notice notice(String template, String subject, String dedupeKey, String reason, String decisionId) {
        return new Notice(template, subject, text(), dedupeKey, reason, decisionId, html());
    }

    private static String paragraph(String text) {
        return "<p>" + HtmlUtils.htmlEscape(text).replace("\n", "<br>") + "</p>";
    }
}
