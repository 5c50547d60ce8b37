package dev.accountflow.renewal;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Subscription;
import dev.accountflow.opportunity.Opportunity;
import dev.accountflow.opportunity.OpportunityService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Starts a renewal for every active subscription whose end date has entered the renewal window. */
@Service
public class RenewalWindow {

    private static final Logger log = LoggerFactory.getLogger(RenewalWindow.class);
    static final String PROCESS_KEY = "renewal";

    private final AccountService accounts;
    private final OpportunityService opportunities;
    private final LiveRenewalRepository liveRenewals;
    private final RuntimeService runtime;
    private final TransactionTemplate tx;
    private final RenewalProperties properties;

    RenewalWindow(AccountService accounts, OpportunityService opportunities, LiveRenewalRepository liveRenewals,
                   RuntimeService runtime, TransactionTemplate tx, RenewalProperties properties) {
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.liveRenewals = liveRenewals;
        this.runtime = runtime;
        this.tx = tx;
        this.properties = properties;
    }

    /** Returns how many renewals were started; each in its own transaction, so one bad row stops no other. */
    public int startDueRenewals(LocalDate today) {
        int started = 0;
        for (Subscription subscription : accounts.activeSubscriptionsEndingBetween(today,
                today.plusDays(properties.windowDays()))) {
            try {
                if (Boolean.TRUE.equals(tx.execute(s -> start(subscription.getId(), today)))) {
                    started++;
                }
            } catch (DataIntegrityViolationException e) {
                // another node started this renewal a moment ago: the live_renewal key held, nothing to do
                log.info("Renewal of subscription {} is already live", subscription.getId());
            }
        }
        if (started > 0) {
            log.info("Renewal kick-off started {} renewal(s)", started);
        }
        return started;
    }

    private boolean start(String subscriptionId, LocalDate today) {
        if (liveRenewals.existsById(subscriptionId)) {
            return false;
        }
        Subscription subscription = accounts.subscription(subscriptionId).orElseThrow();
        Account account = accounts.account(subscription.getAccountId()).orElseThrow();
        Opportunity opportunity = opportunities.openRenewal(account.getId(), subscriptionId, account.getName(),
                subscription.getProduct(), subscription.getArr(), subscription.getEndDate(), account.getOwnerId());
        LiveRenewal live = liveRenewals.saveAndFlush(new LiveRenewal(subscriptionId, opportunity.getId()));
        accounts.markInRenewal(subscriptionId);

        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, subscriptionId,
                variables(account, subscription, opportunity, today));
        live.attachProcess(instance.getId());
        opportunities.attachProcess(opportunity.getId(), instance.getId());
        return true;
    }

    private Map<String, Object> variables(Account account, Subscription subscription, Opportunity opportunity,
                                          LocalDate today) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("subscriptionId", subscription.getId());
        vars.put("opportunityId", opportunity.getId());
        vars.put("accountId", account.getId());
        vars.put("accountName", account.getName());
        vars.put("ownerId", account.getOwnerId());
        vars.put("product", subscription.getProduct());
        vars.put("arr", subscription.getArr().doubleValue());
        vars.put("endDate", subscription.getEndDate().toString());
        vars.put("daysLeft", ChronoUnit.DAYS.between(today, subscription.getEndDate()));
        vars.put("escalationDate", subscription.getEndDate().minusDays(properties.escalationDaysBeforeEnd())
                .atTime(9, 0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        vars.put("reminderCycle", properties.reminderCycle());
        return vars;
    }
}
