package dev.accountflow.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.ContactRole;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.money.SalesDates;
import dev.accountflow.notification.DailyDigest;
import dev.accountflow.notification.MailDelivery;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Notices the notifications table decides, through the outbox to a real SMTP server: urgent at once, the rest daily. */
class HealthNoticesIT extends PostgresIT {

    @Autowired AccountService accounts;
    @Autowired HealthService health;
    @Autowired DailyDigest digest;
    @Autowired MailDelivery mailDelivery;
    @Autowired IdentityService identity;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
        // earlier tests' mail and digest lines must not count here
        digest.send(SalesDates.today());
        mailDelivery.deliverDue(Instant.now().plus(Duration.ofDays(1)));
        smtp().reset();
    }

    @Test
    void aStrategicAccountTurningRedMailsItsOwnerAndTheSalesManagersAtOnceAndOnlyOnce() throws Exception {
        String name = "Cobalt Reinsurance " + unique();
        Account account = account(name, Tier.STRATEGIC, TestUsers.IVY, -40, 4.5);

        health.assess(account.getId());
        health.assess(account.getId());
        mailDelivery.deliverDue(Instant.now());

        List<MimeMessage> urgent = mails(TestUsers.IVY, name + " turned red");
        assertThat(urgent).hasSize(1);
        assertThat(GreenMailUtil.getBody(urgent.get(0)))
                .contains(name + " is a strategic account and turned red: Active users down 40%")
                .contains("A strategic account turns red: its owner at once");
        assertThat(mails(TestUsers.MAX, name + " turned red")).as("the sales managers hear too").hasSize(1);
        assertThat(mailDelivery.deliverDue(Instant.now().plus(Duration.ofHours(1)))).as("nothing goes twice").isZero();
    }

    @Test
    void everyNonUrgentNoticeOfTheDayGoesInOneDigestPerPersonAndARerunSendsNothing() throws Exception {
        String slipping = "Birchwood Credit Union " + unique();
        String unhappy = "Alder Street Dental " + unique();
        account(slipping, Tier.GROWTH, TestUsers.NED, -12, 4.5);
        account(unhappy, Tier.GROWTH, TestUsers.NED, 2, 2.4);
        for (Account each : List.of(byName(slipping), byName(unhappy))) {
            health.assess(each.getId());
        }
        mailDelivery.deliverDue(Instant.now());
        assertThat(smtp().getReceivedMessages()).as("nothing urgent").isEmpty();

        assertThat(digest.send(SalesDates.today())).isGreaterThanOrEqualTo(1);
        assertThat(digest.send(SalesDates.today())).as("a re-run of the digest queues nothing").isZero();
        mailDelivery.deliverDue(Instant.now());
        mailDelivery.deliverDue(Instant.now().plus(Duration.ofHours(1)));

        List<MimeMessage> toNed = mails(TestUsers.NED, "AccountFlow digest for " + SalesDates.format(SalesDates.today()));
        assertThat(toNed).as("one digest for Ned").hasSize(1);
        MimeMessage mail = toNed.get(0);
        assertThat(mail.getContent()).isInstanceOf(Multipart.class);
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains(slipping).contains("Active users down 12%")
                .contains(unhappy).contains("Customer satisfaction is 2.4")
                .contains("Any new flag: the account owner in the daily digest")
                .contains("<h2>" + slipping + "</h2>");
    }

    private Account byName(String name) {
        return accounts.allAccounts().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow();
    }

    private List<MimeMessage> mails(String userId, String subject) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp().getReceivedMessages()) {
            if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(userId + "@accountflow.test")
                    && message.getSubject().startsWith(subject)) {
                found.add(message);
            }
        }
        return found;
    }

    private Account account(String name, Tier tier, String owner, int usageChangePct, double csat) {
        Account account = accounts.createAccount(name, Vertical.FINANCIAL_SERVICES, "NORTHEAST", tier, owner);
        accounts.addContact(account.getId(), "Sam Sponsor", "sam@example.com", ContactRole.EXECUTIVE_SPONSOR,
                Instant.now().minus(5, ChronoUnit.DAYS));
        accounts.addHealthSignal(account.getId(), Instant.now(), BigDecimal.valueOf(usageChangePct), 0,
                BigDecimal.valueOf(csat));
        return account;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
