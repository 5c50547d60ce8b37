package dev.accountflow.rulesets;

import dev.accountflow.rules.AccountHealthFacts;
import dev.accountflow.rules.AssignmentDecision;
import dev.accountflow.rules.CompiledRuleSet;
import dev.accountflow.rules.EscalationFacts;
import dev.accountflow.rules.EscalationRouting;
import dev.accountflow.rules.FeatureRequestFacts;
import dev.accountflow.rules.FeatureRouting;
import dev.accountflow.rules.HealthAssessment;
import dev.accountflow.rules.HealthFinding;
import dev.accountflow.rules.NoticeDecision;
import dev.accountflow.rules.NoticeFacts;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.rules.RuleSetDeclaration;
import dev.accountflow.rules.RuleTemplate;
import dev.accountflow.rules.StageGateDecision;
import dev.accountflow.rules.StageGateFacts;
import dev.accountflow.rules.TaskFacts;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each rule set decides: the facts it reads, the decision it fills in, and the summary of that decision
 * that scenarios are checked against.
 */
enum RuleSetKind implements RuleSetDeclaration {

    ASSIGNMENT(RuleBook.ASSIGNMENT, "Who works on each task, by when and how urgently", TaskFacts.class,
            Set.of("assignee", "candidateGroups", "dueInDays", "priority")) {
        @Override
        public Object newDecision(Object facts) {
            return new AssignmentDecision();
        }

        @Override
        public Map<String, Object> summarize(Object decision) {
            AssignmentDecision d = (AssignmentDecision) decision;
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("assignee", d.getAssignee());
            summary.put("candidateGroups", List.copyOf(d.getCandidateGroups()));
            summary.put("dueInDays", d.getDueInDays());
            summary.put("priority", d.getPriority());
            return summary;
        }

        @Override
        public Map<String, Object> factsTemplate() {
            return ordered("processKey", "renewal", "taskKey", "Task_PrepareRenewalPlan", "accountName",
                    "Harbor Health System", "territory", "NORTHEAST", "vertical", "HEALTHCARE", "tier", "ENTERPRISE",
                    "ownerId", "amy", "arr", 180000, "daysToRenewal", 75, "atRisk", false);
        }

        @Override
        public Map<String, Object> expectedTemplate() {
            return ordered("assignee", "amy", "dueInDays", 10, "priority", 60);
        }
    },

    HEALTH(RuleBook.HEALTH, "Which accounts are at risk, and why", AccountHealthFacts.class, Set.of("atRisk", "flags")) {
        @Override
        public Object newDecision(Object facts) {
            return new HealthAssessment((AccountHealthFacts) facts);
        }

        @Override
        public Map<String, Object> summarize(Object decision) {
            HealthAssessment d = (HealthAssessment) decision;
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("atRisk", d.isAtRisk());
            summary.put("flags", d.getFindings().stream().map(HealthFinding::code).sorted().toList());
            summary.put("reasons", d.getFindings().stream().map(HealthFinding::reason).toList());
            return summary;
        }

        @Override
        public Map<String, Object> factsTemplate() {
            return ordered("accountName", "Harbor Health System", "tier", "ENTERPRISE", "vertical", "HEALTHCARE",
                    "daysToRenewal", 60, "daysSinceExecutiveEngagement", 75, "hasExecutiveSponsor", true, "hasChampion", true,
                    "activeUsersChangePct", -5.0, "openEscalations", 0, "csat", 4.1);
        }

        @Override
        public Map<String, Object> expectedTemplate() {
            return ordered("atRisk", true, "flags", List.of("EXEC_SILENT_NEAR_RENEWAL"));
        }
    },

    NOTIFICATIONS(RuleBook.NOTIFICATIONS, "Who hears of a health change on an account, at once or in the daily digest",
            NoticeFacts.class, Set.of("now", "digest")) {
        @Override
        public Object newDecision(Object facts) {
            return new NoticeDecision();
        }

        @Override
        public Map<String, Object> summarize(Object decision) {
            NoticeDecision d = (NoticeDecision) decision;
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("now", d.recipients(NoticeDecision.NOW));
            summary.put("digest", d.recipients(NoticeDecision.DIGEST));
            summary.put("reasons", d.getTold().stream().map(NoticeDecision.Tell::reason).toList());
            return summary;
        }

        @Override
        public Map<String, Object> factsTemplate() {
            return ordered("event", "TURNED_RED", "accountName", "Summit Bank", "tier", "STRATEGIC", "severity", "HIGH",
                    "arr", 420000, "flagCode", "USAGE_DROP", "flagReason", "Active users down 35%");
        }

        @Override
        public Map<String, Object> expectedTemplate() {
            return ordered("now", List.of("OWNER", "SALES_MANAGERS"), "digest", List.of());
        }
    },

    STAGE_GATES(RuleBook.STAGE_GATES, "Exit criteria per stage and which discounts need a sales manager's approval",
            StageGateFacts.class, Set.of("approvalRequired", "approverGroup", "blocked")) {
        @Override
        public Object newDecision(Object facts) {
            return new StageGateDecision();
        }

        @Override
        public Map<String, Object> summarize(Object decision) {
            StageGateDecision d = (StageGateDecision) decision;
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("approvalRequired", d.isApprovalRequired());
            summary.put("approverGroup", d.getApproverGroup());
            summary.put("blocked", d.isBlocked());
            summary.put("reason", d.getReason());
            summary.put("reasons", d.getReasons());
            return summary;
        }

        @Override
        public Map<String, Object> factsTemplate() {
            // toStage blank: a discount check; a stage: the move into it, checked against its exit criteria
            return ordered("opportunityType", "EXPANSION", "tier", "ENTERPRISE", "vertical", "HEALTHCARE",
                    "arr", 180000, "discountPct", 20, "fromStage", "", "toStage", "",
                    "daysSinceExecutiveEngagement", 10, "solutionEngineeringContributed", true,
                    "complianceReviewed", true);
        }

        @Override
        public Map<String, Object> expectedTemplate() {
            return ordered("approvalRequired", true, "approverGroup", "sales-managers", "blocked", false);
        }
    },

    FEATURE_ROUTING(RuleBook.FEATURE_ROUTING, "Which product managers review a feature request, how urgently, within how many business days",
            FeatureRequestFacts.class, Set.of("pmGroup", "priority", "slaBusinessDays")) {
        @Override
        public Object newDecision(Object facts) {
            return new FeatureRouting();
        }

        @Override
        public Map<String, Object> summarize(Object decision) {
            FeatureRouting d = (FeatureRouting) decision;
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("pmGroup", d.getPmGroup());
            summary.put("priority", d.getPriority());
            summary.put("slaBusinessDays", d.getSlaBusinessDays());
            summary.put("reasons", d.getReasons());
            return summary;
        }

        @Override
        public Map<String, Object> factsTemplate() {
            return ordered("title", "Export dashboards to PDF", "productArea", "ANALYTICS", "accountName",
                    "Harbor Health System", "tier", "ENTERPRISE", "vertical", "HEALTHCARE", "arrAtStake", 180000,
                    "requestingAccounts", 1, "blocksRenewal", false);
        }

        @Override
        public Map<String, Object> expectedTemplate() {
            return ordered("pmGroup", "pm-analytics", "priority", "P3", "slaBusinessDays", 20);
        }
    },

    ESCALATION_ROUTING(RuleBook.ESCALATION_ROUTING, "Which group answers a customer escalation, its SLA in business hours and days, and who hears of a breach",
            EscalationFacts.class, Set.of("group", "acknowledgeWithinHours", "resolveWithinBusinessDays", "tellSalesManagers")) {
        @Override
        public Object newDecision(Object facts) {
            return new EscalationRouting();
        }

        @Override
        public Map<String, Object> summarize(Object decision) {
            EscalationRouting d = (EscalationRouting) decision;
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("group", d.getGroup());
            summary.put("acknowledgeWithinHours", d.getAcknowledgeWithinHours());
            summary.put("resolveWithinBusinessDays", d.getResolveWithinBusinessDays());
            summary.put("tellSalesManagers", d.isTellSalesManagers());
            summary.put("reasons", d.getReasons());
            return summary;
        }

        @Override
        public Map<String, Object> factsTemplate() {
            return ordered("division", "BILLING", "severity", "S1", "accountName", "Harbor Health System",
                    "tier", "STRATEGIC", "vertical", "HEALTHCARE", "arr", 480000);
        }

        @Override
        public Map<String, Object> expectedTemplate() {
            return ordered("group", "billing", "acknowledgeWithinHours", 4, "resolveWithinBusinessDays", 2,
                    "tellSalesManagers", true);
        }
    };

    private final String ruleSetName;
    private final String description;
    private final Class<?> factsType;
    private final Set<String> expectedKeys;

    RuleSetKind(String ruleSetName, String description, Class<?> factsType, Set<String> expectedKeys) {
        this.ruleSetName = ruleSetName;
        this.description = description;
        this.factsType = factsType;
        this.expectedKeys = expectedKeys;
    }

    @Override
    public RuleTemplate table() {
        return RuleTemplate.of(ruleSetName).orElseThrow();
    }

    static Optional<RuleSetKind> of(String ruleSetName) {
        return Arrays.stream(values()).filter(k -> k.ruleSetName.equals(ruleSetName)).findFirst();
    }

    /** A fresh decision object for these facts (the health rules join an assessment to its account). */
    public abstract Object newDecision(Object facts);

    public abstract Map<String, Object> summarize(Object decision);

    public abstract Map<String, Object> factsTemplate();

    public abstract Map<String, Object> expectedTemplate();

    /** Runs one version of the rule set over the facts and summarises what it decided. */
    @Override
    public Map<String, Object> decide(CompiledRuleSet rules, Object facts) {
        Object decision = newDecision(facts);
        rules.execute(List.of(facts, decision));
        return summarize(decision);
    }

    @Override
    public String ruleSetName() {
        return ruleSetName;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Class<?> factsType() {
        return factsType;
    }

    @Override
    public Set<String> expectedKeys() {
        return expectedKeys;
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
