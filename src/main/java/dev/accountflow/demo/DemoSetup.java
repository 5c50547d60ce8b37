package dev.accountflow.demo;

import dev.accountflow.health.HealthService;
import dev.accountflow.renewal.RenewalWindow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Embedded default: demo team, demo portfolio, today's renewal kick-off, a few deals and customer escalations, and a
 * sweep of the new book (health flags and expansion suggestions), so Tasklist and the escalation queues have work and
 * every account its flags and suggestions on first start.
 */
@Component
class DemoSetup {

    private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

    private final DemoProperties properties;
    private final DemoTeam team;
    private final DemoPortfolio portfolio;
    private final DemoDeals deals;
    private final RenewalWindow kickoff;
    private final HealthService health;
    private final DemoEscalations escalations;

    DemoSetup(DemoProperties properties, DemoTeam team, DemoPortfolio portfolio, RenewalWindow kickoff,
              DemoDeals deals, HealthService health, DemoEscalations escalations) {
        this.health = health;
        this.escalations = escalations;
        this.deals = deals;
        this.properties = properties;
        this.team = team;
        this.portfolio = portfolio;
        this.kickoff = kickoff;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void seed() {
        if (!properties.enabled()) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        team.ensure();
        int created = portfolio.ensure(properties.accounts(), properties.seed(), today, properties.trouble());
        int started = kickoff.startDueRenewals(today);
        int opened = deals.ensure(today);
        int raised = escalations.ensure();
        if (created > 0) {
            // the whole new book through the health and expansion-signal rules now (a sweep, in the background),
            // not only the accounts whose renewal started
            health.askForSweep();
        }
        log.info("Demo data: {} account(s) created, {} renewal(s) started, {} expansion/new-business deal(s) opened, "
                + "{} customer escalation(s) raised{}; demo users amy, ben, morgan, priya, sam, sue, bill, admin "
                + "(password 'demo')", created, started, opened, raised,
                created > 0 ? ", a health and expansion sweep of the book started" : "");
    }
}
