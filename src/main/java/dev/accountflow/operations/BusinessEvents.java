package dev.accountflow.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One INFO line per business event (logger {@code accountflow.events}) an operator can follow: the event, the
 * process instance, the business key and the user, plus a few facts of the event, both in the text and as
 * key-value pairs (fields of their own in the JSON logs of the postgres profile). Written when the transaction that
 * caused the event commits, so an event rolled back and retried by its job is told once. The request's correlation
 * id rides along in the MDC.
 */
public final class BusinessEvents {

    static final String LOGGER = "accountflow.events";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    /** Who acted when nobody signed in did: a timer, a job, the sweep. */
    public static final String SYSTEM = "system";
    /** The JSON (ECS) line's own top-level fields, and the event's: a fact of the same name would clash. */
    static final java.util.Set<String> LINE_FIELDS = java.util.Set.of("@timestamp", "log", "process", "service",
            "message", "error", "tags", "ecs", "event", "processInstanceId", "businessKey", "user", "correlationId");

    private BusinessEvents() {
    }

    /**
     * @param event what happened, in words ("renewal started")
     * @param processInstanceId the process instance it belongs to, or null
     * @param businessKey the business key (a subscription, account, opportunity or request id)
     * @param user who did it; null for the signed-in user of this thread, or {@link #SYSTEM} when there is none
     * @param facts a few facts of the event, name then value, e.g. "outcome", "RENEWED"
     */
    public static void record(String event, String processInstanceId, String businessKey, String user,
                              Object... facts) {
        String who = user != null ? user : currentUser();
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < facts.length; i += 2) {
            String name = String.valueOf(facts[i]);
            if (LINE_FIELDS.contains(name)) {
                throw new IllegalArgumentException("A business event's fact may not be called '" + name
                        + "': the JSON log line has a field of that name, and the line would be lost");
            }
            details.put(name, facts[i + 1]);
        }
        afterCommit(() -> write(event, processInstanceId, businessKey, who, details));
    }

    private static void write(String event, String processInstanceId, String businessKey, String user,
                              Map<String, Object> details) {
        if (!log.isInfoEnabled()) {
            return;
        }
        LoggingEventBuilder line = log.atInfo().addKeyValue("event", event)
                .addKeyValue("processInstanceId", processInstanceId).addKeyValue("businessKey", businessKey)
                .addKeyValue("user", user);
        details.forEach(line::addKeyValue);
        String extra = details.isEmpty() ? "" : ", " + details.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        line.log("{}: process instance {}, business key {}, user {}{}", event,
                processInstanceId == null ? "-" : processInstanceId, businessKey, user, extra);
    }

    private static String currentUser() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn != null && signedIn.isAuthenticated() && signedIn.getName() != null
                && !"anonymousUser".equals(signedIn.getName()) ? signedIn.getName() : SYSTEM;
    }

    private static void afterCommit(Runnable write) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    write.run();
                }
            });
        } else {
            write.run();
        }
    }
}
