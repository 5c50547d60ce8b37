package dev.accountflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the assignment rules decide for every kind of task, owner, tier, risk and renewal date, around each
 * threshold: the outcome any rewrite of the assignment rules (a table included) must keep.
 */
class AssignmentOutcomeMatrixTest {

    private static final List<String> RENEWAL_WORK =
            List.of("Task_PrepareRenewalPlan", "Task_ExecutiveCheckIn", "Task_PrepareQuote", "Task_Negotiate");
    private static final List<String> TASKS = Stream.concat(RENEWAL_WORK.stream(), Stream.of(
            "Task_ApproveDiscount", "Task_ReviewEscalatedRenewal", "Task_UpdateAccountPlan", "Task_ReviewAccountPlan",
            "Task_Qualify")).toList();

    private static RuleBook rules;

    @BeforeAll
    static void loadRules() {
        rules = new RuleBook(new RuleCompiler());
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (String task : TASKS) {
            for (String owner : Arrays.asList("amy", null)) {
                for (String tier : Arrays.asList("STRATEGIC", "ENTERPRISE", "GROWTH", null)) {
                    for (Integer days : Arrays.asList(null, 0, 30, 31, 60, 61, 400)) {
                        for (boolean atRisk : List.of(false, true)) {
                            all.add(Arguments.of(task, owner, tier, days, atRisk));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} owner={1} tier={2} days={3} atRisk={4}")
    @MethodSource("everyCombination")
    void decidesAsTheRulesSay(String taskKey, String ownerId, String tier, Integer daysToRenewal, boolean atRisk) {
        TaskFacts task = new TaskFacts(taskKey.equals("Task_Qualify") ? "opportunity" : "renewal", taskKey);
        task.setAccountId("acc-1");
        task.setTerritory("NORTHEAST");
        task.setVertical("HEALTHCARE");
        task.setOwnerId(ownerId);
        task.setTier(tier);
        task.setArr(250_000);
        task.setDaysToRenewal(daysToRenewal);
        task.setAtRisk(atRisk);

        AssignmentDecision decision = rules.assign(task).decision();

        String assignee = null;
        List<String> groups = List.of("account-managers");
        Integer due = null;
        Integer priority = null;
        switch (taskKey) {
            case "Task_ApproveDiscount" -> {
                groups = List.of("sales-managers");
                due = 2;
            }
            case "Task_ReviewEscalatedRenewal" -> {
                groups = List.of("sales-managers");
                due = 1;
                priority = 90;
            }
            case "Task_UpdateAccountPlan" -> {
                if (ownerId != null) {
                    assignee = ownerId;
                    groups = List.of();
                    due = 10;
                }
            }
            case "Task_ReviewAccountPlan" -> {
                groups = List.of("sales-managers");
                due = 5;
            }
            default -> {
                if (RENEWAL_WORK.contains(taskKey) && ownerId != null) {
                    assignee = ownerId;
                    groups = List.of();
                }
            }
        }
        if (due == null) {
            due = daysToRenewal == null || daysToRenewal > 60 ? 10 : daysToRenewal <= 30 ? 2 : 5;
        }
        if (priority == null && tier != null) {
            priority = switch (tier) {
                case "STRATEGIC" -> 80;
                case "ENTERPRISE" -> 60;
                default -> 40;
            };
        }
        if (atRisk && priority != null) {
            priority += 10;
        }

        assertThat(decision.getAssignee()).as("assignee").isEqualTo(assignee);
        assertThat(decision.getCandidateGroups()).as("candidate groups").containsExactlyElementsOf(groups);
        assertThat(decision.getDueInDays()).as("due in days").isEqualTo(due);
        assertThat(decision.getPriority()).as("priority").isEqualTo(priority);
    }
}
