package dev.accountflow.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The pipeline: opportunities and how they close. */
@Service
public class OpportunityService {

    static final int NAME_LENGTH = 300;

    private final OpportunityRepository opportunities;

    OpportunityService(OpportunityRepository opportunities) {
        this.opportunities = opportunities;
    }

    /** The renewal opportunity for a subscription entering its renewal window, forecast at its current ARR. */
    @Transactional
    public Opportunity openRenewal(String accountId, String subscriptionId, String accountName, String product,
                                   BigDecimal arr, LocalDate endDate, String ownerId) {
        return opportunities.save(new Opportunity(accountId, subscriptionId, renewalName(accountName, product),
                OpportunityType.RENEWAL, Stage.DISCOVER, arr, endDate, 70, ForecastCategory.COMMIT, ownerId));
    }

    /** "Account — Product renewal", shortened to the column's size so a long account name never stops a renewal. */
    static String renewalName(String accountName, String product) {
        String suffix = " — " + product + " renewal";
        int room = NAME_LENGTH - suffix.length();
        String account = accountName.length() <= room ? accountName : accountName.substring(0, Math.max(0, room - 1)) + "…";
        String name = account + suffix;
        return name.length() <= NAME_LENGTH ? name : name.substring(0, NAME_LENGTH);
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

    /** The account's opportunities, open ones first, then by close date. */
    @Transactional(readOnly = true)
    public List<Opportunity> ofAccount(String accountId) {
        return opportunities.findByAccountIdOrderByCloseDate(accountId).stream()
                .sorted(Comparator.comparing(o -> o.getClosedAt() != null)).toList();
    }

    private Opportunity require(String id) {
        return opportunities.findById(id).orElseThrow(() -> new IllegalStateException("No opportunity " + id));
    }
}
