package dev.accountflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** rules/notifications.csv through rules/notifications.drt: who hears of a health change, now or in the digest. */
class NotificationRulesTest {

    private static RuleBook rules;

    @BeforeAll
    static void loadRules() {
        rules = new RuleBook(new RuleCompiler());
    }

    @Test
    void aStrategicAccountTurningRedTellsManagersAndOwnerAtOnceSayingWhy() {
        NoticeDecision decision = decide("TURNED_RED", "STRATEGIC", 90_000).decision();

        assertThat(decision.recipients(NoticeDecision.NOW)).containsExactly("OWNER", "SALES_MANAGERS");
        assertThat(decision.recipients(NoticeDecision.DIGEST)).isEmpty();
        assertThat(decision.getTold().get(0).reason())
                .isEqualTo("Summit Bank is a strategic account and turned red: Active users down 35%");
        assertThat(decision.getTold().get(0).ruleName()).isEqualTo("A strategic account turns red: sales managers at once");
    }

    @Test
    void anEnterpriseAccountTurningRedAtExactly250000TellsItsOwnerAtOnce() {
        Decided<NoticeDecision> decided = decide("TURNED_RED", "ENTERPRISE", 250_000);

        assertThat(decided.decision().recipients(NoticeDecision.NOW)).containsExactly("OWNER");
        assertThat(decided.decision().getTold().get(0).reason())
                .isEqualTo("Summit Bank ($250,000 ARR) turned red: Active users down 35%");
        assertThat(decided.run().rulesFired()).containsExactly("An account above $250,000 ARR turns red: its owner at once");
    }

    @Test
    void oneDollarBelow250000ANonStrategicAccountTurningRedTellsNobodyAtOnce() {
        assertThat(decide("TURNED_RED", "ENTERPRISE", 249_999).decision().getTold()).isEmpty();
    }

    @Test
    void aRenewalOf250000EscalatedTellsTheSalesManagersAtOnceAndNotAgainInTheDigest() {
        Decided<NoticeDecision> decided = decide(NoticeFacts.RENEWAL_ESCALATED, "ENTERPRISE", 250_000);

        assertThat(decided.decision().recipients(NoticeDecision.NOW)).containsExactly("SALES_MANAGERS");
        assertThat(decided.decision().recipients(NoticeDecision.DIGEST)).isEmpty();
        assertThat(decided.decision().getTold().get(0).reason())
                .isEqualTo("The renewal of Summit Bank ($250,000 ARR) is still open close to its end date");
        assertThat(decided.decision().getTold().get(0).ruleName())
                .isEqualTo("A renewal of $250,000 ARR or more is escalated: sales managers at once");
    }

    @Test
    void nearMissARenewalOf249999EscalatedGoesToTheSalesManagersDigest() {
        NoticeDecision decision = decide(NoticeFacts.RENEWAL_ESCALATED, "STRATEGIC", 249_999).decision();

        assertThat(decision.recipients(NoticeDecision.NOW)).isEmpty();
        assertThat(decision.recipients(NoticeDecision.DIGEST)).containsExactly("SALES_MANAGERS");
        assertThat(decision.getTold().get(0).reason())
                .isEqualTo("Summit Bank: the renewal ($249,999 ARR) is still open close to its end date");
    }

    @Test
    void aNewFlagGoesToTheOwnersDigest() {
        NoticeDecision decision = decide("FLAG_RAISED", "GROWTH", 40_000).decision();

        assertThat(decision.recipients(NoticeDecision.DIGEST)).containsExactly("OWNER");
        assertThat(decision.recipients(NoticeDecision.NOW)).isEmpty();
        assertThat(decision.getTold().get(0).reason()).isEqualTo("Summit Bank: Active users down 35%");
    }

    @Test
    void anOwnerToldAtOnceIsNotToldAgainInTheDigest() {
        NoticeDecision decision = new NoticeDecision();
        decision.tell("OWNER", NoticeDecision.DIGEST, "digest", "row 2");
        decision.tell("OWNER", NoticeDecision.NOW, "now", "row 1");

        assertThat(decision.recipients(NoticeDecision.NOW)).containsExactly("OWNER");
        assertThat(decision.recipients(NoticeDecision.DIGEST)).isEmpty();
    }

    private static Decided<NoticeDecision> decide(String event, String tier, int arr) {
        NoticeFacts facts = new NoticeFacts();
        facts.setEvent(event);
        facts.setAccountName("Summit Bank");
        facts.setTier(tier);
        facts.setSeverity("HIGH");
        facts.setArr(BigDecimal.valueOf(arr));
        facts.setFlagCode("USAGE_DROP");
        facts.setFlagReason("Active users down 35%");
        return rules.decideNotices(facts);
    }
}
