package dev.accountflow.escalation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EscalationRepository extends JpaRepository<Escalation, String> {

    List<Escalation> findByAccountIdOrderByCreatedAtDesc(String accountId);

    List<Escalation> findByOpportunityIdOrderByCreatedAtDesc(String opportunityId);

    Page<Escalation> findAllByOrderByCreatedAtDesc(Pageable page);

    Page<Escalation> findByAccountIdInOrderByCreatedAtDesc(Collection<String> accountIds, Pageable page);

    /** A division's queue: what is not yet resolved, the nearest deadline first. */
    Page<Escalation> findByRoutedGroupInAndStatusInOrderByAcknowledgeByAsc(Collection<String> groups,
            Collection<EscalationStatus> statuses, Pageable page);

    /** Escalations not yet closed, oldest first: what a change of the routing table would route again. */
    List<Escalation> findByStatusInOrderByCreatedAt(Collection<EscalationStatus> statuses, Pageable page);

    /** The breaches, latest first. */
    Page<Escalation> findByBreachedAtIsNotNullOrderByBreachedAtDesc(Pageable page);

    /** Business hours to acknowledge and to resolve, averaged per division and month the escalation was raised. */
    @Query("""
            select e.division as division, e.raisedMonth as month, count(e) as raised,
                   avg(e.hoursToAcknowledge) as hoursToAcknowledge, avg(e.hoursToResolve) as hoursToResolve,
                   sum(case when e.breachedAt is not null then 1 else 0 end) as breached
              from Escalation e
             group by e.division, e.raisedMonth
             order by e.raisedMonth desc, e.division""")
    List<DivisionMonth> timesByDivisionAndMonth(Pageable page);

    interface DivisionMonth {
        Division getDivision();
        String getMonth();
        long getRaised();
        Double getHoursToAcknowledge();
        Double getHoursToResolve();
        long getBreached();
    }
}
