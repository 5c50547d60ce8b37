package dev.accountflow.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Where a feature request goes and how urgently: the first row naming a product team, the first naming a priority
 * and the first giving an SLA each decide their part; a request no row routed goes to triage.
 */
public class FeatureRouting {

    public static final String TRIAGE_GROUP = "pm-triage";

    private String pmGroup;
    private String priority;
    private Integer slaBusinessDays;
    private final List<String> reasons = new ArrayList<>();

    public void routeTo(String productTeam, String reason, String ruleName) {
        if (pmGroup == null) {
            pmGroup = "pm-" + productTeam.toLowerCase(Locale.ROOT);
            reasons.add(reason);
        }
    }

    public void prioritise(String priority, String reason, String ruleName) {
        if (this.priority == null) {
            this.priority = priority;
            reasons.add(reason);
        }
    }

    public void answerWithin(int businessDays, String ruleName) {
        if (slaBusinessDays == null) {
            slaBusinessDays = businessDays;
        }
    }

    public String getPmGroup() {
        return pmGroup == null ? TRIAGE_GROUP : pmGroup;
    }

    public String getPriority() {
        return priority == null ? "P3" : priority;
    }

    /** Business days product management has to answer; 20 when no row said. */
    public int getSlaBusinessDays() {
        return slaBusinessDays == null ? 20 : slaBusinessDays;
    }

    public List<String> getReasons() {
        return Collections.unmodifiableList(reasons);
    }
}
