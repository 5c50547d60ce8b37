package dev.accountflow.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a customer escalation goes and its SLA: the first row naming a group routes it, the first giving an
 * acknowledge time, a resolve time or whether sales managers hear of a breach each decide their part.
 */
public class EscalationRouting {

    /** Business hours to acknowledge when no row said. */
    public static final int DEFAULT_ACKNOWLEDGE_HOURS = 16;
    /** Business days to resolve when no row said. */
    public static final int DEFAULT_RESOLVE_DAYS = 10;

    private String group;
    private Integer acknowledgeWithinHours;
    private Integer resolveWithinBusinessDays;
    private Boolean tellSalesManagers;
    private final List<String> reasons = new ArrayList<>();

    public void routeTo(String group, String reason, String ruleName) {
        if (this.group == null) {
            this.group = group;
            reasons.add(reason);
        }
    }

    public void acknowledgeWithin(int businessHours, String reason, String ruleName) {
        if (acknowledgeWithinHours == null) {
            acknowledgeWithinHours = businessHours;
            reasons.add(reason);
        }
    }

    public void resolveWithin(int businessDays, String ruleName) {
        if (resolveWithinBusinessDays == null) {
            resolveWithinBusinessDays = businessDays;
        }
    }

    public void tellSalesManagersOfBreach(boolean tell, String ruleName) {
        if (tellSalesManagers == null) {
            tellSalesManagers = tell;
        }
    }

    /** The group the table chose, or null: then the division's own group takes it. */
    public String getGroup() {
        return group;
    }

    public int getAcknowledgeWithinHours() {
        return acknowledgeWithinHours == null ? DEFAULT_ACKNOWLEDGE_HOURS : acknowledgeWithinHours;
    }

    public int getResolveWithinBusinessDays() {
        return resolveWithinBusinessDays == null ? DEFAULT_RESOLVE_DAYS : resolveWithinBusinessDays;
    }

    /** Whether the sales managers hear of a breach besides the division's manager; no when no row said. */
    public boolean isTellSalesManagers() {
        return Boolean.TRUE.equals(tellSalesManagers);
    }

    public List<String> getReasons() {
        return Collections.unmodifiableList(reasons);
    }
}
