package dev.accountflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HealthRulesTest {

    private static RuleBook rules;

    @BeforeAll
    static void loadRules() {
        rules = new RuleBook(new RuleCompiler());
    }

    @Test
    void healthyAccountRaisesNothing() {
        Decided<HealthAssessment> decided = assess(account -> { });

        assertThat(decided.decision().getFindings()).isEmpty();
        assertThat(decided.decision().isAtRisk()).isFalse();
        assertThat(decided.run().rulesFired()).isEmpty();
    }

    @Test
    void renewalWithin90DaysAndExecutiveSilentFor60DaysIsHighRisk() {
        Decided<HealthAssessment> decided = assess(account -> {
            account.setDaysToRenewal(45);
            account.setDaysSinceExecutiveEngagement(73);
            account.setRenewalProduct("Patient Engagement Cloud");
            account.setRenewalArr(new java.math.BigDecimal("420000.00"));
        });

        assertThat(decided.decision().getFindings()).containsExactly(new HealthFinding("EXEC_SILENT_NEAR_RENEWAL", "HIGH",
                "Renewal of Patient Engagement Cloud ($420,000) ends in 45 days; the executive sponsor was last "
                        + "contacted 73 days ago",
                "Renewal within 90 days and no executive contact for 60 days"));
        assertThat(decided.decision().isAtRisk()).isTrue();
        assertThat(decided.run().rulesFired()).containsExactly("Renewal within 90 days and no executive contact for 60 days");
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 61})
    void executiveSilenceOf60DaysOrMoreNearRenewalFires(int silentDays) {
        assertThat(codes(account -> {
            account.setDaysToRenewal(90);
            account.setDaysSinceExecutiveEngagement(silentDays);
        })).containsExactly("EXEC_SILENT_NEAR_RENEWAL");
    }

    @Test
    void executiveSilenceOf59DaysDoesNotFire() {
        assertThat(codes(account -> {
            account.setDaysToRenewal(45);
            account.setDaysSinceExecutiveEngagement(59);
        })).isEmpty();
    }

    @Test
    void renewalIn91DaysDoesNotFireEvenWhenExecutivesAreSilent() {
        assertThat(codes(account -> {
            account.setDaysToRenewal(91);
            account.setDaysSinceExecutiveEngagement(200);
        })).isEmpty();
    }

    @Test
    void neverEngagedExecutiveNearRenewalIsHighRisk() {
        Decided<HealthAssessment> decided = assess(account -> {
            account.setDaysToRenewal(30);
            account.setDaysSinceExecutiveEngagement(null);
        });

        assertThat(decided.decision().getFindings()).extracting(HealthFinding::severity, HealthFinding::reason)
                .containsExactly(tuple("HIGH",
                        "Renewal in 30 days and no executive has ever been engaged"));
        assertThat(decided.run().rulesFired()).containsExactly("Renewal within 90 days and no executive ever engaged");
    }

    @Test
    void accountWithoutActiveSubscriptionIsNotFlaggedForRenewal() {
        assertThat(codes(account -> {
            account.setDaysToRenewal(null);
            account.setDaysSinceExecutiveEngagement(null);
        })).isEmpty();
    }

    @Test
    void usageDownBy20PercentIsHigh() {
        HealthAssessment assessment = assess(account -> account.setActiveUsersChangePct(-20.0)).decision();

        assertThat(assessment.getFindings()).containsExactly(new HealthFinding("USAGE_DROP", "HIGH",
                "Active users down 20%", "Active users down 20% or more"));
        assertThat(assessment.isAtRisk()).isTrue();
    }

    @Test
    void usageDownBy19PercentIsMedium() {
        HealthAssessment assessment = assess(account -> account.setActiveUsersChangePct(-19.0)).decision();

        assertThat(assessment.getFindings()).containsExactly(new HealthFinding("USAGE_DROP", "MEDIUM",
                "Active users down 19%", "Active users down 10% or more but less than 20%"));
        assertThat(assessment.isAtRisk()).isFalse();
    }

    @Test
    void usageDownBy10PercentIsMediumAnd9PercentIsNothing() {
        assertThat(codes(account -> account.setActiveUsersChangePct(-10.0))).containsExactly("USAGE_DROP");
        assertThat(codes(account -> account.setActiveUsersChangePct(-9.0))).isEmpty();
        assertThat(codes(account -> account.setActiveUsersChangePct(null))).isEmpty();
    }

    @Test
    void twoOpenEscalationsAreAWarningButOneIsNot() {
        Decided<HealthAssessment> decided = assess(account -> account.setOpenEscalations(2));

        assertThat(decided.decision().getFindings()).containsExactly(new HealthFinding("ESCALATIONS", "MEDIUM",
                "2 open support escalations", "Two or more open support escalations"));
        assertThat(codes(account -> account.setOpenEscalations(1))).isEmpty();
    }

    @Test
    void missingExecutiveSponsorIsAWarning() {
        HealthAssessment assessment = assess(account -> account.setHasExecutiveSponsor(false)).decision();

        assertThat(assessment.getFindings()).extracting(HealthFinding::code, HealthFinding::severity)
                .containsExactly(tuple("NO_EXECUTIVE_SPONSOR", "MEDIUM"));
        assertThat(assessment.isAtRisk()).isFalse();
    }

    @Test
    void aStrategicAccountWithoutAChampionIsAWarning() {
        HealthAssessment assessment = assess(account -> account.setHasChampion(false)).decision();

        assertThat(assessment.getFindings()).containsExactly(new HealthFinding("NO_CHAMPION", "MEDIUM",
                "No champion is named at Northwind Health, a strategic account", "No champion on a strategic account"));
        assertThat(assessment.isAtRisk()).isFalse();
    }

    @ParameterizedTest(name = "near miss: a {0} account without a champion raises nothing")
    @ValueSource(strings = {"ENTERPRISE", "GROWTH"})
    void anotherTierWithoutAChampionIsNoFinding(String tier) {
        assertThat(codes(account -> {
            account.setTier(tier);
            account.setHasChampion(false);
        })).isEmpty();
    }

    @Test
    void nearMissAStrategicAccountWithAChampionRaisesNothing() {
        assertThat(codes(account -> account.setHasChampion(true))).isEmpty();
    }

    @Test
    void csatBelow3IsAWarningAnd3IsNot() {
        assertThat(assess(account -> account.setCsat(2.9)).decision().getFindings()).containsExactly(new HealthFinding(
                "LOW_CSAT", "MEDIUM", "Customer satisfaction is 2.9, below 3.0", "Customer satisfaction below 3.0"));
        assertThat(codes(account -> account.setCsat(3.0))).isEmpty();
        assertThat(codes(account -> account.setCsat(null))).isEmpty();
    }

    @Test
    void everySignSeenIsListedWithTheRuleThatSawIt() {
        RuleRun run = assess(account -> {
            account.setDaysToRenewal(20);
            account.setDaysSinceExecutiveEngagement(95);
            account.setActiveUsersChangePct(-35.5);
            account.setOpenEscalations(3);
            account.setHasExecutiveSponsor(false);
            account.setCsat(2.1);
        }).run();

        assertThat(run.ruleSet()).isEqualTo("health");
        assertThat(run.rulesFired()).containsExactlyInAnyOrder(
                "Renewal within 90 days and no executive contact for 60 days",
                "Active users down 20% or more",
                "Two or more open support escalations",
                "No executive sponsor at the account",
                "Customer satisfaction below 3.0");
    }

    @Test
    void anExecutiveSponsorWhoLeftWithNoReplacementIsHighRiskWithTheDaysSince() {
        Decided<HealthAssessment> decided = assess(account -> {
            account.setHasExecutiveSponsor(false);
            account.setDaysSinceExecutiveEngagement(null);
            account.setDaysSinceSponsorLeft(12);
        });

        assertThat(decided.decision().getFindings()).containsExactly(new HealthFinding("SPONSOR_LEFT", "HIGH",
                "The executive sponsor left 12 days ago and no replacement is named",
                "Executive sponsor left and no replacement named"));
        assertThat(decided.decision().isAtRisk()).isTrue();
    }

    @Test
    void aSponsorWhoLeftButWasReplacedRaisesNothing() {
        assertThat(codes(account -> account.setDaysSinceSponsorLeft(12))).isEmpty();
    }

    @Test
    void noSponsorEverNamedIsTheMediumWarningNotTheDeparture() {
        assertThat(codes(account -> {
            account.setHasExecutiveSponsor(false);
            account.setDaysSinceExecutiveEngagement(null);
        })).containsExactly("NO_EXECUTIVE_SPONSOR");
    }

    @Test
    void aSponsorWhoLeftNearRenewalIsTheDepartureNotANeverEngagedExecutive() {
        assertThat(codes(account -> {
            account.setHasExecutiveSponsor(false);
            account.setDaysSinceExecutiveEngagement(null);
            account.setDaysSinceSponsorLeft(3);
            account.setDaysToRenewal(40);
        })).containsExactly("SPONSOR_LEFT");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void aCloseDatePushedOnceOrNeverRaisesNothing(int pushes) {
        assertThat(codes(account -> account.setCloseDatePushes(pushes))).isEmpty();
    }

    @Test
    void aCloseDatePushedTwiceIsAWarningNamingTheDealAndItsDates() {
        Decided<HealthAssessment> decided = assess(account -> {
            account.setCloseDatePushes(2);
            account.setSlippingOpportunity("Claims Analytics expansion");
            account.setSlippingFirstCloseDate(java.time.LocalDate.of(2026, 12, 15));
            account.setSlippingCloseDate(java.time.LocalDate.of(2027, 1, 4));
        });

        assertThat(decided.decision().getFindings()).containsExactly(new HealthFinding("CLOSE_DATE_SLIPPING", "MEDIUM",
                "The close date of Claims Analytics expansion was pushed 2 times, from 15 Dec 2026 to 4 Jan 2027",
                "A deal's close date pushed 2 times or more"));
        assertThat(decided.decision().isAtRisk()).isFalse();
    }

    @Test
    void anOpenS1EscalationIsHighRiskAndAnS2IsNot() {
        Decided<HealthAssessment> decided = assess(account -> {
            account.setOpenCustomerEscalations(2);
            account.setWorstOpenEscalationSeverity("S1");
            account.setOldestOpenEscalationDays(1);
        });
        assertThat(decided.decision().getFindings()).containsExactly(new HealthFinding("ESCALATION_SEVERE", "HIGH",
                "An S1 customer escalation is open (2 open in all)", "An open customer escalation of S1 or worse"));

        assertThat(codes(account -> {
            account.setOpenCustomerEscalations(1);
            account.setWorstOpenEscalationSeverity("S2");
            account.setOldestOpenEscalationDays(1);
        })).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 10})
    void anEscalationOpenTenDaysOrMoreIsAWarning(int days) {
        List<String> codes = codes(account -> {
            account.setOpenCustomerEscalations(1);
            account.setWorstOpenEscalationSeverity("S3");
            account.setOldestOpenEscalationDays(days);
        });
        if (days < 10) {
            assertThat(codes).isEmpty();
        } else {
            assertThat(codes).containsExactly("ESCALATION_AGING");
        }
    }

    private static Decided<HealthAssessment> assess(Consumer<AccountHealthFacts> change) {
        AccountHealthFacts account = new AccountHealthFacts("acc-1", "Northwind Health");
        account.setTier("STRATEGIC");
        account.setVertical("HEALTHCARE");
        account.setDaysToRenewal(200);
        account.setDaysSinceExecutiveEngagement(10);
        account.setHasExecutiveSponsor(true);
        account.setActiveUsersChangePct(5.0);
        account.setOpenEscalations(0);
        account.setCsat(4.2);
        change.accept(account);
        return rules.assessHealth(account);
    }

    private static List<String> codes(Consumer<AccountHealthFacts> change) {
        return assess(change).decision().getFindings().stream().map(HealthFinding::code).toList();
    }
}
