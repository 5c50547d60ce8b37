package dev.accountflow.renewal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * accountflow.renewal.*: how many days before a subscription ends its renewal starts, when an open renewal is
 * escalated to the sales managers, and how often overdue renewal tasks are reminded.
 */
@ConfigurationProperties("accountflow.renewal")
public record RenewalProperties(int windowDays, int escalationDaysBeforeEnd, String reminderCycle) {
}
