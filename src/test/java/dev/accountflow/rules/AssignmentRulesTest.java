package dev.accountflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AssignmentRulesTest {

    private static final String OWNER = "Renewal work goes to the account owner";
    private static final String NO_OWNER = "Renewal work without an account owner goes to the account managers";
    private static final String APPROVAL = "Discount approvals go to the sales managers and are due in 2 days";
    private static final String ESCALATION = "Escalated renewals go to the sales managers, due in 1 day at priority 90";
    private static final String DUE_IN_10 = "Tasks with no renewal in the next 60 days are due in 10 days";
    private static final String STRATEGIC = "Tasks of strategic accounts get priority 80";
    private static final String AT_RISK = "Tasks of at-risk accounts get 10 more priority points";
    private static final String FALLBACK = "Tasks no other rule gave to anyone go to the account managers";

    private static RuleBook rules;

    @BeforeAll
    static void loadRules() {
        rules = new RuleBook(new RuleCompiler());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Task_PrepareRenewalPlan", "Task_ExecutiveCheckIn", "Task_PrepareQuote", "Task_Negotiate"})
    void renewalWorkGoesToTheAccountOwner(String taskKey) {
        Decided<AssignmentDecision> decided = rules.assign(renewalTask(taskKey, "amy", "ENTERPRISE", 75, false));

        assertThat(decided.decision().getAssignee()).isEqualTo("amy");
        assertThat(decided.decision().getCandidateGroups()).isEmpty();
        assertThat(decided.run().rulesFired()).contains(OWNER).doesNotContain(NO_OWNER, FALLBACK);
    }

    @Test
    void renewalWorkWithoutAnOwnerIsOfferedToTheAccountManagers() {
        Decided<AssignmentDecision> decided = rules.assign(renewalTask("Task_PrepareQuote", null, "ENTERPRISE", 75, false));

        assertThat(decided.decision().getAssignee()).isNull();
        assertThat(decided.decision().getCandidateGroups()).containsExactly("account-managers");
        assertThat(decided.run().rulesFired()).contains(NO_OWNER).doesNotContain(OWNER, FALLBACK);
    }

    @Test
    void discountApprovalGoesToSalesManagersDueIn2DaysWhateverTheRenewalDate() {
        Decided<AssignmentDecision> decided = rules.assign(renewalTask("Task_ApproveDiscount", "amy", "GROWTH", 85, false));

        assertThat(decided.decision().getAssignee()).isNull();
        assertThat(decided.decision().getCandidateGroups()).containsExactly("sales-managers");
        assertThat(decided.decision().getDueInDays()).isEqualTo(2);
        assertThat(decided.decision().getPriority()).isEqualTo(40);
        assertThat(decided.run().rulesFired()).containsExactlyInAnyOrder(APPROVAL, "Tasks of growth accounts get priority 40");
    }

    @Test
    void escalatedRenewalGoesToSalesManagersDueIn1DayAtPriority90() {
        Decided<AssignmentDecision> decided = rules.assign(renewalTask("Task_ReviewEscalatedRenewal", "amy", "GROWTH", 29, false));

        assertThat(decided.decision().getCandidateGroups()).containsExactly("sales-managers");
        assertThat(decided.decision().getDueInDays()).isEqualTo(1);
        assertThat(decided.decision().getPriority()).isEqualTo(90);
        assertThat(decided.run().rulesFired()).containsExactly(ESCALATION);
    }

    @ParameterizedTest(name = "renewal in {0} days -> due in {1} days")
    @CsvSource({"0, 2", "30, 2", "31, 5", "60, 5", "61, 10", "400, 10"})
    void dueDateFollowsTheDaysToRenewal(int daysToRenewal, int dueInDays) {
        AssignmentDecision decision = rules.assign(renewalTask("Task_Negotiate", "amy", "ENTERPRISE", daysToRenewal, false)).decision();

        assertThat(decision.getDueInDays()).isEqualTo(dueInDays);
    }

    @Test
    void taskWithoutRenewalDateIsDueIn10Days() {
        Decided<AssignmentDecision> decided = rules.assign(renewalTask("Task_Negotiate", "amy", "ENTERPRISE", null, false));

        assertThat(decided.decision().getDueInDays()).isEqualTo(10);
        assertThat(decided.run().rulesFired()).contains(DUE_IN_10);
    }

    @ParameterizedTest(name = "{0}, at risk {1} -> priority {2}")
    @CsvSource({"STRATEGIC, false, 80", "STRATEGIC, true, 90", "ENTERPRISE, false, 60", "ENTERPRISE, true, 70",
            "GROWTH, false, 40", "GROWTH, true, 50"})
    void priorityFollowsTierAndRisk(String tier, boolean atRisk, int priority) {
        AssignmentDecision decision = rules.assign(renewalTask("Task_PrepareRenewalPlan", "amy", tier, 45, atRisk)).decision();

        assertThat(decision.getPriority()).isEqualTo(priority);
    }

    @Test
    void atRiskBonusComesOnTopOfTheTierPriorityOnce() {
        RuleRun run = rules.assign(renewalTask("Task_PrepareRenewalPlan", "amy", "STRATEGIC", 20, true)).run();

        assertThat(run.ruleSet()).isEqualTo("assignment");
        assertThat(run.version()).isEqualTo(1);
        assertThat(run.rulesFired()).containsExactlyInAnyOrder(OWNER,
                "Tasks for a renewal within 30 days are due in 2 days", STRATEGIC, AT_RISK);
        assertThat(run.rulesFired()).containsSubsequence(STRATEGIC, AT_RISK);
    }

    @Test
    void taskNoRuleHandsOutGoesToTheAccountManagers() {
        TaskFacts task = new TaskFacts("opportunity", "Task_Qualify");
        task.setOwnerId("amy");
        task.setTier("ENTERPRISE");

        Decided<AssignmentDecision> decided = rules.assign(task);

        assertThat(decided.decision().getAssignee()).isNull();
        assertThat(decided.decision().getCandidateGroups()).containsExactly("account-managers");
        assertThat(decided.run().rulesFired()).containsExactlyInAnyOrder(FALLBACK, DUE_IN_10,
                "Tasks of enterprise accounts get priority 60");
    }

    private static TaskFacts renewalTask(String taskKey, String ownerId, String tier, Integer daysToRenewal, boolean atRisk) {
        TaskFacts task = new TaskFacts("renewal", taskKey);
        task.setAccountId("acc-1");
        task.setAccountName("Northwind Health");
        task.setTerritory("NORTHEAST");
        task.setVertical("HEALTHCARE");
        task.setOwnerId(ownerId);
        task.setTier(tier);
        task.setArr(250_000);
        task.setDaysToRenewal(daysToRenewal);
        task.setAtRisk(atRisk);
        return task;
    }
}
