package dev.accountflow.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * accountflow.mail.*: sender address, whether this node delivers on a schedule, and the delivery pace and retry
 * policy of the outbox.
 */
@ConfigurationProperties("accountflow.mail")
public record MailProperties(String from, boolean scheduled, long deliveryIntervalMs, int batchSize, int maxAttempts,
                             long initialBackoffSeconds, long maxBackoffSeconds) {
}
