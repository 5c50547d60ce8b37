package dev.accountflow.account;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One account as My book lists it: ARR and next renewal of its live subscriptions, its worst open risk flag with
 * the reason, and how many opportunities and tasks are open.
 */
public record BookRow(String id, String name, Tier tier, Vertical vertical, String territory, String ownerId,
                      BigDecimal arr, LocalDate nextRenewal, Long daysLeft, String health, String healthReason,
                      long openOpportunities, long openTasks) {
}
