package dev.accountflow.demo;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.forecast.ForecastService;
import dev.accountflow.opportunity.CloseDates;
import dev.accountflow.opportunity.Opportunity;
import dev.accountflow.opportunity.OpportunityService;
import dev.accountflow.opportunity.OpportunityType;
import dev.accountflow.opportunity.Partner;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Two channel partners, this and next quarter's quotas for amy and ben, and a few expansion and new-business deals
 * opened by their owners (through the same checks as the page) and moved on a stage or two through the real stage
 * gates, so /opportunities and /forecast show something on first start; one of them has had its close date pushed
 * twice, which the health rules flag. Created once.
 */
@Component
class DemoDeals {

    record Deal(String owner, int account, OpportunityType type, String name, String product, long amount,
                int closeInDays, boolean withPartner, int advances, int pushes) {
    }

    private static final List<Deal> DEALS = List.of(
            new Deal("amy", 0, OpportunityType.EXPANSION, "Analytics add-on for the care teams", "Claims Analytics",
                    180_000, 20, false, 2, 0),
            new Deal("amy", 1, OpportunityType.NEW_BUSINESS, "Client onboarding for the wealth division",
                    "Client Onboarding Cloud", 240_000, 30, true, 1, 0),
            new Deal("amy", 2, OpportunityType.EXPANSION, "Agent portal for the broker channel", "Agent Portal",
                    95_000, 75, false, 0, 0),
            new Deal("ben", 0, OpportunityType.EXPANSION, "Patient engagement for two new hospitals",
                    "Patient Engagement Cloud", 150_000, 25, false, 1, 0),
            new Deal("ben", 1, OpportunityType.NEW_BUSINESS, "Payments analytics pilot", "Payments Analytics",
                    120_000, 100, true, 0, 2));
    // a slipping deal's close date moves this many days at each push, ending on its closeInDays
    private static final int PUSH_DAYS = 21;

    private final OpportunityService opportunities;
    private final AccountService accounts;
    private final ForecastService forecasts;
    private final TaskService tasks;
    private final CloseDates closeDates;

    DemoDeals(OpportunityService opportunities, AccountService accounts, ForecastService forecasts,
              TaskService tasks, CloseDates closeDates) {
        this.closeDates = closeDates;
        this.opportunities = opportunities;
        this.accounts = accounts;
        this.forecasts = forecasts;
        this.tasks = tasks;
    }

    /** Returns how many deals it opened (0 when expansion or new-business deals exist already). */
    int ensure(LocalDate today) {
        if (opportunities.growthDealCount() > 0) {
            return 0;
        }
        Partner integrator = opportunities.partners().stream().findFirst().orElseGet(() -> opportunities.addPartner(
                "Northwind Integrators", "INTEGRATOR", "alliances@northwind-integrators.example"));
        if (opportunities.partners().size() < 2) {
            opportunities.addPartner("Contoso Reseller Group", "RESELLER", "deals@contoso-resellers.example");
        }
        for (String rep : List.of("amy", "ben")) {
            for (LocalDate quarterDay : List.of(today, today.plusMonths(3))) {
                Map<OpportunityType, BigDecimal> targets = new EnumMap<>(OpportunityType.class);
                targets.put(OpportunityType.RENEWAL, BigDecimal.valueOf(1_500_000));
                targets.put(OpportunityType.EXPANSION, BigDecimal.valueOf(400_000));
                targets.put(OpportunityType.NEW_BUSINESS, BigDecimal.valueOf(250_000));
                forecasts.setQuota(rep, quarterDay.getYear() + "-Q" + ((quarterDay.getMonthValue() - 1) / 3 + 1),
                        targets);
            }
        }
        int opened = 0;
        List<Account> all = accounts.allAccounts();
        for (Deal deal : DEALS) {
            List<Account> book = all.stream().filter(a -> deal.owner().equals(a.getOwnerId())).toList();
            if (book.size() <= deal.account()) {
                continue;
            }
            Opportunity o = asOwner(deal.owner(), () -> opportunities.open(new OpportunityService.NewOpportunity(
                    book.get(deal.account()).getId(), deal.type(), deal.name(), deal.product(),
                    BigDecimal.valueOf(deal.amount()),
                    today.plusDays(deal.closeInDays() - (long) PUSH_DAYS * deal.pushes()),
                    deal.withPartner() ? integrator.getId() : null)));
            for (int push = deal.pushes() - 1; push >= 0; push--) {
                long closeInDays = deal.closeInDays() - (long) PUSH_DAYS * push;
                asOwner(deal.owner(), () -> closeDates.move(o.getId(), today.plusDays(closeInDays)));
            }
            for (int i = 0; i < deal.advances(); i++) {
                Task stage = tasks.createTaskQuery().processInstanceId(o.getProcessInstanceId())
                        .taskDefinitionKey("Task_WorkStage").singleResult();
                tasks.complete(stage.getId(), Map.of("nextStep", "ADVANCE"));
            }
            opened++;
        }
        return opened;
    }

    // the owner opens her own deal (raises her own escalation), so the same ownership check runs as on the page
    static <T> T asOwner(String owner, java.util.function.Supplier<T> work) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(owner,
                null, List.of(new SimpleGrantedAuthority("ROLE_account-managers"))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }
}
