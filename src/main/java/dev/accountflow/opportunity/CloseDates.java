package dev.accountflow.opportunity;

import dev.accountflow.money.SalesDates;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An open deal's expected close moves. A move to a later day is a push, counted on the deal; the health rules read
 * the pushes (a deal pushed twice is slipping): a push is published as {@link Pushed}, and the health capability
 * assesses the account again in the same transaction.
 */
@Service
public class CloseDates {

    private final OpportunityRepository opportunities;
    private final ApplicationEventPublisher events;

    CloseDates(OpportunityRepository opportunities, ApplicationEventPublisher events) {
        this.opportunities = opportunities;
        this.events = events;
    }

    /** A deal's close date moved later; heard inside the same transaction (the health rules read the pushes). */
    public record Pushed(String opportunityId, String accountId, int pushes) {
    }

    @Transactional
    public Opportunity move(String opportunityId, LocalDate to) {
        Opportunity opportunity = opportunities.findById(opportunityId)
                .orElseThrow(() -> ApiException.notFound("Opportunity " + opportunityId));
        CurrentUser user = CurrentUser.get();
        boolean owner = user.userId() != null && user.userId().equals(opportunity.getOwnerId())
                && user.isIn(CurrentUser.ACCOUNT_MANAGERS);
        if (!owner && !user.isIn(CurrentUser.SALES_MANAGERS)) {
            throw ApiException.forbidden("Opportunity " + opportunityId + " is another account manager's deal");
        }
        if (!opportunity.isOpen()) {
            throw ApiException.conflict("Opportunity closed", "closeDate: the deal closed on "
                    + SalesDates.format(LocalDate.ofInstant(opportunity.getClosedAt(), java.time.ZoneOffset.UTC)) + "; its close date stays");
        }
        if (to.isBefore(SalesDates.today())) {
            throw ApiException.badRequest("Close date in the past", "closeDate: " + SalesDates.format(to)
                    + " is in the past; pick today or a later day");
        }
        if (opportunity.moveCloseDate(to)) {
            events.publishEvent(new Pushed(opportunity.getId(), opportunity.getAccountId(),
                    opportunity.getCloseDatePushes()));
        }
        return opportunity;
    }
}
