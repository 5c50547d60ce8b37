package dev.accountflow.notification;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what waits in the outbox through SMTP. Each node takes a lease on a row before sending, so two nodes
 * never send the same row at once; a failed send is retried with growing backoff and nothing is lost.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final NotificationRepository notifications;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate tx;
    private final MailProperties properties;

    MailDelivery(NotificationRepository notifications, ObjectProvider<JavaMailSender> mailSender, TransactionTemplate tx,
                 MailProperties properties) {
        this.notifications = notifications;
        this.mailSender = mailSender;
        this.tx = tx;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${accountflow.mail.delivery-interval-ms}", initialDelay = 5000)
    void deliverOnSchedule() {
        if (properties.scheduled() && mailSender.getIfAvailable() != null) {
            deliverDue(Instant.now());
        }
    }

    /** Sends every notification due at {@code now}; returns how many went out. Without SMTP it sends nothing. */
    public int deliverDue(Instant now) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        List<String> due = tx.execute(s -> notifications.findDue(now, PageRequest.of(0, properties.batchSize())));
        int sent = 0;
        for (String id : due) {
            Boolean claimed = tx.execute(s -> notifications.claim(id, now, now.plus(LEASE)) == 1);
            if (Boolean.TRUE.equals(claimed) && send(sender, id, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(JavaMailSender sender, String id, Instant now) {
        Notification n = tx.execute(s -> notifications.findById(id).orElseThrow());
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, n.getHtmlBody() != null, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(n.getRecipientEmail());
            helper.setSubject(n.getSubject());
            if (n.getHtmlBody() != null) {
                helper.setText(n.getBody(), n.getHtmlBody());
            } else {
                helper.setText(n.getBody());
            }
            message.setHeader("X-AccountFlow-Notification", n.getDedupeKey());
            sender.send(message);
        } catch (Exception e) {
            int attempt = n.getAttempts() + 1;
            boolean giveUp = attempt >= properties.maxAttempts();
            Instant retryAt = now.plus(backoff(attempt));
            log.warn("Sending notification {} to {} failed (attempt {}): {}", id, n.getRecipientEmail(), attempt,
                    e.getMessage());
            tx.executeWithoutResult(s -> notifications.findById(id).ifPresent(
                    row -> row.failed(describe(e), retryAt, giveUp)));
            return false;
        }
        tx.executeWithoutResult(s -> notifications.findById(id).ifPresent(row -> row.sent(Instant.now())));
        return true;
    }

    Duration backoff(int attempt) {
        long seconds = properties.initialBackoffSeconds() * (1L << Math.min(attempt - 1, 20));
        return Duration.ofSeconds(Math.min(seconds, properties.maxBackoffSeconds()));
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage()
                + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
    }
}
