package dev.accountflow.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** accountflow.mail.*: sender address and the outbox's delivery pace and retry policy. */
@ConfigurationProperties("accountflow.mail")
public record MailProperties(String from, long deliveryIntervalMs, int batchSize, int maxAttempts,
                             long initialBackoffSeconds, long maxBackoffSeconds) {
}
