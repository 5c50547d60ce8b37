package dev.accountflow.demo;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.escalation.Division;
import dev.accountflow.escalation.Escalations;
import dev.accountflow.escalation.Severity;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A few open customer escalations in the demo book, raised by their account managers the way the account page
 * raises them (routing table, SLA clock, process), so each division's queue at /escalations has work on first start.
 */
@Component
class DemoEscalations {

    record Seeded(String owner, int account, Division division, Severity severity, String summary, String impact) {
    }

    private static final List<Seeded> ESCALATIONS = List.of(
            new Seeded("amy", 0, Division.SUPPORT, Severity.S2, "Nightly claims export fails",
                    "Adjusters work from yesterday's figures until the export runs again."),
            new Seeded("amy", 4, Division.BILLING, Severity.S3, "Invoice shows last year's seat count",
                    "Accounts payable holds the invoice until it is corrected."),
            new Seeded("ben", 1, Division.SERVICES, Severity.S1, "Go-live of the new business unit blocked",
                    "The unit's 300 users cannot sign in; the customer's launch date is this week."));

    private final Escalations escalations;
    private final AccountService accounts;
    private final JdbcTemplate jdbc;

    DemoEscalations(Escalations escalations, AccountService accounts, JdbcTemplate jdbc) {
        this.escalations = escalations;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** Returns how many it raised (0 when the book has escalations already). */
    int ensure() {
        Integer existing = jdbc.queryForObject("select count(*) from escalation", Integer.class);
        if (existing != null && existing > 0) {
            return 0;
        }
        List<Account> all = accounts.allAccounts();
        int raised = 0;
        for (Seeded seeded : ESCALATIONS) {
            List<Account> book = all.stream().filter(a -> seeded.owner().equals(a.getOwnerId())).toList();
            if (book.size() <= seeded.account()) {
                continue;
            }
            DemoDeals.asOwner(seeded.owner(), () -> escalations.raise(new Escalations.NewEscalation(
                    book.get(seeded.account()).getId(), seeded.division(), seeded.severity(), seeded.summary(),
                    seeded.impact(), null, null)));
            raised++;
        }
        return raised;
    }
}
