package dev.accountflow.account;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The book's figures on each account row: the ARR and next end date of its live subscriptions and its worst open
 * flag. Refreshed from the rows themselves in the transaction that changed them (subscriptions added, renewed,
 * churned or imported; flags raised or resolved), so My book pages, sorts and totals read them through indexes.
 */
@Component
public class AccountFigures {

    private static final int CHUNK = 1_000;
    private static final String SET = """
            update account set
                live_arr = coalesce((select sum(s.arr) from subscription s
                                      where s.account_id = account.id and s.status in ('ACTIVE', 'IN_RENEWAL')), 0),
                next_renewal = (select min(s.end_date) from subscription s
                                 where s.account_id = account.id and s.status in ('ACTIVE', 'IN_RENEWAL')),
                worst_flag = coalesce((select max(case f.severity when 'HIGH' then 3 when 'MEDIUM' then 2 else 1 end)
                                         from risk_flag f where f.account_id = account.id and f.resolved_at is null), 0)
            """;

    private final EntityManager entities;

    AccountFigures(EntityManager entities) {
        this.entities = entities;
    }

    /** Recomputes the figures of these accounts (a native update: pending entity changes are written first). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refresh(Collection<String> accountIds) {
        List<String> ids = accountIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            entities.createNativeQuery(SET + " where id in (:ids)")
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))).executeUpdate();
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void refresh(String accountId) {
        refresh(List.of(accountId));
    }

    /** Recomputes only the worst open flag of the accounts given, after their flags were raised, changed or resolved. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refreshWorstFlag(java.util.Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        entities.createNativeQuery("""
                update account set worst_flag = coalesce((select max(case f.severity when 'HIGH' then 3
                         when 'MEDIUM' then 2 else 1 end) from risk_flag f
                     where f.account_id = account.id and f.resolved_at is null), 0)
                 where id in (:ids)""").setParameter("ids", accountIds).executeUpdate();
    }

    /** Recomputes every account's figures (after a bulk import; one statement). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refreshAll() {
        entities.createNativeQuery(SET).executeUpdate();
    }
}
