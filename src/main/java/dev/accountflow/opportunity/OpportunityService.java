package dev.accountflow.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The pipeline: opportunities and how they close. */
@Service
public class OpportunityService {

    private final OpportunityRepository opportunities;

    OpportunityService(OpportunityRepository opportunities) {
        this.opportunities = opportunities;
    }

    /** The renewal opportunity for a subscription entering its renewal window, forecast at its current ARR. */
    @Transactional
    public Opportunity openRenewal(String accountId, String subscriptionId, String accountName, String product,
                                   BigDecimal arr, LocalDate endDate, String ownerId) {
        return opportunities.save(new Opportunity(accountId, subscriptionId, accountName + " — " + product + " renewal",
                OpportunityType.RENEWAL, Stage.DISCOVER, arr, endDate, 70, ForecastCategory.COMMIT, ownerId));
    }

    @Transactional
    public void attachProcess(String opportunityId, String processInstanceId) {
        require(opportunityId).attachProcess(processInstanceId);
    }

    @Transactional
    public Opportunity closeWon(String opportunityId, BigDecimal amount) {
        Opportunity opportunity = require(opportunityId);
        opportunity.win(amount);
        return opportunity;
    }

    @Transactional
    public Opportunity closeLost(String opportunityId, String reason) {
        Opportunity opportunity = require(opportunityId);
        opportunity.lose(reason);
        return opportunity;
    }

    @Transactional(readOnly = true)
    public List<Opportunity> ofSubscription(String subscriptionId) {
        return opportunities.findBySubscriptionIdOrderByCreatedAt(subscriptionId);
    }

    private Opportunity require(String id) {
        return opportunities.findById(id).orElseThrow(() -> new IllegalStateException("No opportunity " + id));
    }
}
