package dev.accountflow.notification;

import dev.accountflow.rules.DecisionLog;
import dev.accountflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Notifications")
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final NotificationRepository notifications;
    private final DecisionLog decisions;

    NotificationController(NotificationRepository notifications, DecisionLog decisions) {
        this.notifications = notifications;
        this.decisions = decisions;
    }

    record NotificationView(String id, String recipientUserId, String recipientEmail, String template, String subject,
                            String body, String dedupeKey, NotificationStatus status, int attempts,
                            Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt,
                            String decisionId, String why) {
    }

    /** The outbox, newest first: managers see everything, everyone else what was addressed to them. */
    @Operation(operationId = "listNotifications", summary = "List the outbox, newest first",
            description = "Mail sent, waiting or failed, with its attempts.")
    @GetMapping
    @Transactional(readOnly = true)
    List<NotificationView> list(@RequestParam(defaultValue = "200") int limit) {
        PageRequest page = PageRequest.of(0, Math.max(1, Math.min(limit, 1000)));
        CurrentUser user = CurrentUser.get();
        List<Notification> rows = user.managesPortfolio()
                ? notifications.findAllByOrderByCreatedAtDesc(page)
                : notifications.findByRecipientUserIdOrderByCreatedAtDesc(user.userId(), page);
        return rows.stream().map(this::view).toList();
    }

    private NotificationView view(Notification n) {
        String why = n.getReason();
        if (n.getDecisionId() != null) {
            why = decisions.find(n.getDecisionId()).map(d -> n.getReason() + ". " + DecisionLog.why(d)).orElse(why);
        }
        return new NotificationView(n.getId(), n.getRecipientUserId(), n.getRecipientEmail(), n.getTemplate(),
                n.getSubject(), n.getBody(), n.getDedupeKey(), n.getStatus(), n.getAttempts(), n.getNextAttemptAt(),
                n.getLastError(), n.getCreatedAt(), n.getSentAt(), n.getDecisionId(), why);
    }
}
