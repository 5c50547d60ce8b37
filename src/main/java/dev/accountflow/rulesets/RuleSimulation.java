package dev.accountflow.rulesets;

import dev.accountflow.account.AccountService;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.SubscriptionStatus;
import dev.accountflow.assignment.TaskAssignment;
import dev.accountflow.escalation.Escalations;
import dev.accountflow.featurerequest.FeatureRequests;
import dev.accountflow.health.HealthService;
import dev.accountflow.renewal.RenewalService;
import dev.accountflow.rules.AccountHealthFacts;
import dev.accountflow.rules.AssignmentDecision;
import dev.accountflow.rules.CompiledRuleSet;
import dev.accountflow.rules.DiscountDecision;
import dev.accountflow.rules.DiscountFacts;
import dev.accountflow.rules.StageGateDecision;
import dev.accountflow.rules.EscalationRouting;
import dev.accountflow.rules.FeatureRouting;
import dev.accountflow.rules.HealthAssessment;
import dev.accountflow.rules.HealthFinding;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.rulesets.SimulationReport.ApprovalChange;
import dev.accountflow.rulesets.SimulationReport.AssigneeChange;
import dev.accountflow.rulesets.SimulationReport.FlagChange;
import dev.accountflow.rulesets.SimulationReport.NoticeToSend;
import dev.accountflow.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a version of a rule set and the active one side by side over the live portfolio and reports the
 * difference. Read-only: it writes no flag, task, decision or notification.
 */
@Service
class RuleSimulation {

    private static final int PAGE = 500;
    // the changes a report lists one by one; past this they are counted only
    static final int DETAIL = 500;
    // the variables the assignment facts read (see TaskAssignment.factsFor)
    private static final String[] TASK_FACT_VARIABLES = {"accountId", "arr", "endDate", "atRisk", "pmGroup",
            "escalationGroup"};

    private final RuleSetService ruleSets;
    private final RuleBook ruleBook;
    private final AccountService accounts;
    private final HealthService health;
    private final TaskAssignment assignment;
    private final RenewalService renewals;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final FeatureRequests featureRequests;
    private final Escalations escalations;

    RuleSimulation(RuleSetService ruleSets, RuleBook ruleBook, AccountService accounts, HealthService health,
                   TaskAssignment assignment, RenewalService renewals, TaskService tasks, RuntimeService runtime,
                   FeatureRequests featureRequests, Escalations escalations) {
        this.featureRequests = featureRequests;
        this.escalations = escalations;
        this.ruleSets = ruleSets;
        this.ruleBook = ruleBook;
        this.accounts = accounts;
        this.health = health;
        this.assignment = assignment;
        this.renewals = renewals;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @Transactional(readOnly = true)
    public SimulationReport simulate(String name, int version) {
        CompiledRuleSet candidate = ruleSets.compileOrRefuse(name, version, ruleSets.version(name, version).getDrl());
        CompiledRuleSet active = ruleBook.get(name);
        Builder report = new Builder(name, version, active.version());
        switch (name) {
            case RuleBook.HEALTH -> compareHealth(active, candidate, report);
            case RuleBook.ASSIGNMENT -> compareAssignments(active, candidate, report);
            case RuleBook.STAGE_GATES -> compareApprovals(active, candidate, report);
            case RuleBook.FEATURE_ROUTING -> compareRouting(active, candidate, report);
            case RuleBook.ESCALATION_ROUTING -> compareEscalationRouting(active, candidate, report);
            default -> ruleBook.declaration(name).ifPresent(declared -> {
                // a capability's own table simulates itself over the live book
                var simulated = declared.simulate(active, candidate);
                report.accounts += simulated.evaluated();
                report.declaredLines.addAll(simulated.impact());
            });
        }
        return report.build();
    }

    /**
     * The book a page at a time in account id order, each page's facts in a few statements as the sweep reads them;
     * both versions decide every account, the report counts every change and lists the first {@link #DETAIL} of them.
     */
    private void compareHealth(CompiledRuleSet active, CompiledRuleSet candidate, Builder report) {
        String after = "";
        for (List<HealthService.PageFacts> page = health.factsPage(after, PAGE); !page.isEmpty();
             page = health.factsPage(after, PAGE)) {
            for (HealthService.PageFacts account : page) {
                compareHealth(active, candidate, account, report);
            }
            after = page.get(page.size() - 1).facts().getAccountId();
        }
        report.noteOmitted();
    }

    private void compareHealth(CompiledRuleSet active, CompiledRuleSet candidate, HealthService.PageFacts account,
                               Builder report) {
        AccountHealthFacts facts = account.facts();
        report.accounts++;
        HealthAssessment now = run(active, facts, new HealthAssessment(facts));
        HealthAssessment then = run(candidate, facts, new HealthAssessment(facts));
        Map<String, HealthFinding> before = byCode(now);
        Map<String, HealthFinding> after = byCode(then);
        // a flag whose severity changes counts as one lifted and one raised: HIGH is what puts an account at risk
        after.values().stream().filter(f -> !same(before.get(f.code()), f))
                .forEach(f -> report.detail(report.newlyFlagged, flag(facts, f)));
        before.values().stream().filter(f -> !same(after.get(f.code()), f))
                .forEach(f -> report.detail(report.noLongerFlagged, flag(facts, f)));
        for (HealthFinding f : after.values()) {
            HealthFinding was = before.get(f.code());
            if (was == null) {
                report.detail(report.flagLines, facts.getAccountName() + ": " + f.code() + " " + f.severity()
                        + " newly raised, by row '" + f.ruleName() + "'");
            } else if (!was.severity().equals(f.severity())) {
                report.detail(report.flagLines, facts.getAccountName() + ": " + f.code() + " " + was.severity()
                        + " → " + f.severity() + ", by row '" + f.ruleName() + "'");
            }
        }
        before.values().stream().filter(f -> !after.containsKey(f.code())).forEach(f -> report.detail(report.flagLines,
                facts.getAccountName() + ": " + f.code() + " " + f.severity() + " lifted (row '" + f.ruleName()
                        + "' no longer matches)"));
        if (now.isAtRisk() != then.isAtRisk()) {
            if (then.isAtRisk()) {
                report.newlyAtRisk++;
                report.newlyAtRiskArr = report.newlyAtRiskArr.add(account.liveArr());
            } else {
                report.noLongerAtRisk++;
                report.noLongerAtRiskArr = report.noLongerAtRiskArr.add(account.liveArr());
            }
        }
        if (!now.isAtRisk() && then.isAtRisk() && account.ownerId() != null
                && report.notifications.size() < DETAIL) {
            accounts.subscriptionsOf(facts.getAccountId()).stream()
                    .filter(s -> s.getStatus() == SubscriptionStatus.IN_RENEWAL)
                    .forEach(s -> report.notifications.add(atRiskNotice(account.ownerId(), facts.getAccountName(), s)));
        }
    }

    /** Open tasks a page at a time: each page's business keys and variables in one query each, never per task. */
    private void compareAssignments(CompiledRuleSet active, CompiledRuleSet candidate, Builder report) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int first = 0; ; first += PAGE) {
            List<Task> page = tasks.createTaskQuery().active().orderByTaskId().asc().listPage(first, PAGE);
            if (page.isEmpty()) {
                return;
            }
            String[] instanceIds = page.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).distinct()
                    .toArray(String[]::new);
            Map<String, String> businessKeys = new HashMap<>();
            Map<String, Map<String, Object>> variables = new HashMap<>();
            if (instanceIds.length > 0) {
                runtime.createProcessInstanceQuery().processInstanceIds(Set.of(instanceIds)).list()
                        .forEach(p -> businessKeys.put(p.getId(), p.getBusinessKey()));
                runtime.createVariableInstanceQuery().processInstanceIdIn(instanceIds)
                        .variableNameIn(TASK_FACT_VARIABLES).disableCustomObjectDeserialization().list()
                        .forEach(v -> variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
                                .putIfAbsent(v.getName(), v.getValue()));
            }
            for (Task task : page) {
                report.tasks++;
                Map<String, Object> own = variables.getOrDefault(task.getProcessInstanceId(), Map.of());
                var facts = assignment.factsFor(task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
                        businessKeys.get(task.getProcessInstanceId()), own::get, today);
                String from = holder(run(active, facts, new AssignmentDecision()));
                AssignmentDecision then = run(candidate, facts, new AssignmentDecision());
                String to = holder(then);
                if (!from.equals(to)) {
                    report.assigneeChanges.add(new AssigneeChange(task.getId(), task.getName(), facts.getAccountName(),
                            from, to, then.getAssignedBy()));
                }
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** Live renewals a page at a time: the quote and subscription as stored, by business key, never variables. */
    private void compareApprovals(CompiledRuleSet active, CompiledRuleSet candidate, Builder report) {
        for (int first = 0; ; first += PAGE) {
            List<ProcessInstance> page = runtime.createProcessInstanceQuery().processDefinitionKey("renewal").active()
                    .orderByProcessInstanceId().asc().listPage(first, PAGE);
            for (ProcessInstance renewal : page) {
                Optional<DiscountFacts> quoted = renewals.quotedDiscountFacts(renewal.getId(), renewal.getBusinessKey());
                if (quoted.isEmpty()) {
                    continue;
                }
                report.renewals++;
                DiscountFacts facts = quoted.get();
                DiscountDecision now = run(active, facts, new DiscountDecision());
                DiscountDecision then = run(candidate, facts, new DiscountDecision());
                if (now.isApprovalRequired() != then.isApprovalRequired()) {
                    String accountName = accounts.subscription(renewal.getBusinessKey())
                            .flatMap(sub -> accounts.account(sub.getAccountId())).map(a -> a.getName()).orElse(null);
                    StageGateDecision deciding = then.isApprovalRequired() ? then : now;
                    report.approvalChanges.add(new ApprovalChange(renewal.getId(), accountName, facts.getDiscountPct(),
                            now.isApprovalRequired(), then.isApprovalRequired(), deciding.getReason(),
                            String.join(", ", deciding.getDecidedBy())));
                }
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    // open feature requests a page at a time: where each would be routed, and at which priority
    private void compareRouting(CompiledRuleSet active, CompiledRuleSet candidate, Builder report) {
        for (int page = 0; ; page++) {
            List<FeatureRequests.OpenRouting> open = featureRequests.openRoutings(page, 500);
            for (FeatureRequests.OpenRouting request : open) {
                FeatureRouting now = run(active, request.facts(), new FeatureRouting());
                FeatureRouting then = run(candidate, request.facts(), new FeatureRouting());
                if (!now.getPmGroup().equals(then.getPmGroup()) || !now.getPriority().equals(then.getPriority())) {
                    report.flagLines.add(request.title() + ": " + now.getPmGroup() + " " + now.getPriority() + " → "
                            + then.getPmGroup() + " " + then.getPriority() + " ("
                            + Money.format(request.facts().getArrAtStake()) + " ARR at stake)");
                }
            }
            if (open.size() < 500) {
                return;
            }
        }
    }

    // escalations not yet closed a page at a time: the group and the SLA each would get now
    private void compareEscalationRouting(CompiledRuleSet active, CompiledRuleSet candidate, Builder report) {
        for (int page = 0; ; page++) {
            List<Escalations.OpenRouting> open = escalations.openRoutings(page, 500);
            for (Escalations.OpenRouting escalation : open) {
                EscalationRouting now = run(active, escalation.facts(), new EscalationRouting());
                EscalationRouting then = run(candidate, escalation.facts(), new EscalationRouting());
                String before = routed(now, escalation.facts().getDivision());
                String after = routed(then, escalation.facts().getDivision());
                if (!before.equals(after)) {
                    report.flagLines.add(escalation.facts().getSeverity() + " " + escalation.summary() + " ("
                            + escalation.facts().getAccountName() + "): " + before + " → " + after);
                }
            }
            if (open.size() < 500) {
                return;
            }
        }
    }

    private static String routed(EscalationRouting routing, String division) {
        return (routing.getGroup() == null ? "the " + division.toLowerCase(java.util.Locale.ROOT) + " group"
                : routing.getGroup()) + ", acknowledge within " + routing.getAcknowledgeWithinHours()
                + " business hours, resolve within " + routing.getResolveWithinBusinessDays() + " business days"
                + (routing.isTellSalesManagers() ? ", breach tells the sales managers" : "");
    }

    /** One version of the rules over one set of facts; the decision object comes back filled in. */
    private static <T> T run(CompiledRuleSet rules, Object facts, T decision) {
        rules.execute(List.of(facts, decision));
        return decision;
    }

    private static Map<String, HealthFinding> byCode(HealthAssessment assessment) {
        return assessment.getFindings().stream().collect(Collectors.toMap(HealthFinding::code, f -> f, (a, b) -> a));
    }

    private static boolean same(HealthFinding other, HealthFinding finding) {
        return other != null && other.severity().equals(finding.severity());
    }

    private static String holder(AssignmentDecision decision) {
        return decision.getAssignee() != null ? decision.getAssignee()
                : decision.getCandidateGroups().isEmpty() ? "nobody"
                : String.join(", ", decision.getCandidateGroups()) + " (group)";
    }

    private static FlagChange flag(AccountHealthFacts account, HealthFinding finding) {
        return new FlagChange(account.getAccountId(), account.getAccountName(), finding.code(), finding.severity(),
                finding.reason());
    }

    private static NoticeToSend atRiskNotice(String ownerId, String accountName, Subscription subscription) {
        return new NoticeToSend(ownerId, "renewal-at-risk",
                "At-risk renewal: " + accountName + " — " + subscription.getProduct());
    }

    private static String count(int accounts) {
        return accounts + (accounts == 1 ? " account" : " accounts");
    }

    private static final class Builder {
        private final String ruleSet;
        private final int version;
        private final int activeVersion;
        private int accounts;
        private int tasks;
        private int renewals;
        private final List<FlagChange> newlyFlagged = new ArrayList<>();
        private final List<FlagChange> noLongerFlagged = new ArrayList<>();
        private final List<AssigneeChange> assigneeChanges = new ArrayList<>();
        private final List<ApprovalChange> approvalChanges = new ArrayList<>();
        private final List<NoticeToSend> notifications = new ArrayList<>();
        private final List<String> flagLines = new ArrayList<>();
        private final List<String> declaredLines = new ArrayList<>();
        private int newlyAtRisk;
        private BigDecimal newlyAtRiskArr = BigDecimal.ZERO;
        private int noLongerAtRisk;
        private BigDecimal noLongerAtRiskArr = BigDecimal.ZERO;

        private int omitted;

        /** Lists a change while the report is short enough to read; counts it either way. */
        private <T> void detail(List<T> list, T change) {
            if (list.size() < DETAIL) {
                list.add(change);
            } else {
                omitted++;
            }
        }

        private void noteOmitted() {
            if (omitted > 0) {
                flagLines.add("… and " + String.format(java.util.Locale.ENGLISH, "%,d", omitted)
                        + " more changes, counted above but not listed");
            }
        }

        private Builder(String ruleSet, int version, int activeVersion) {
            this.ruleSet = ruleSet;
            this.version = version;
            this.activeVersion = activeVersion;
        }

        private SimulationReport build() {
            List<String> impact = new ArrayList<>();
            if (RuleBook.HEALTH.equals(ruleSet)) {
                impact.add("Newly at risk: " + count(newlyAtRisk) + ", " + Money.format(newlyAtRiskArr) + " ARR");
                impact.add("No longer at risk: " + count(noLongerAtRisk) + ", " + Money.format(noLongerAtRiskArr) + " ARR");
                impact.addAll(flagLines);
            }
            if (RuleBook.FEATURE_ROUTING.equals(ruleSet)) {
                impact.add("Open feature requests routed differently: " + flagLines.size());
                impact.addAll(flagLines);
            }
            if (RuleBook.ESCALATION_ROUTING.equals(ruleSet)) {
                impact.add("Escalations not yet closed routed differently: " + flagLines.size());
                impact.addAll(flagLines);
            }
            impact.addAll(declaredLines);
            // open tasks that would move from one holder to another, counted per move and the row that makes it
            assigneeChanges.stream().collect(Collectors.groupingBy(c -> c.from() + " → " + c.to()
                                    + (c.row() == null ? "" : ", by row '" + c.row() + "'"),
                            java.util.TreeMap::new, Collectors.counting()))
                    .forEach((change, tasks) -> impact.add(tasks + (tasks == 1 ? " open task" : " open tasks")
                            + " would move: " + change));
            approvalChanges.forEach(c -> impact.add(c.accountName() + ": discount of "
                    + java.math.BigDecimal.valueOf(c.discountPct()).stripTrailingZeros().toPlainString() + "% "
                    + (c.to() ? "would now need approval" : "would no longer need approval")
                    + (c.row() == null || c.row().isEmpty() ? "" : ", by row '" + c.row() + "'")));
            return new SimulationReport(ruleSet, version, activeVersion, accounts, tasks, renewals, newlyFlagged,
                    noLongerFlagged, assigneeChanges, approvalChanges, notifications, impact);
        }
    }
}
