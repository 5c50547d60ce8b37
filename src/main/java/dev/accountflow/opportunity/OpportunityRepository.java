package dev.accountflow.opportunity;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OpportunityRepository extends JpaRepository<Opportunity, String> {

    List<Opportunity> findBySubscriptionIdOrderByCreatedAt(String subscriptionId);

    List<Opportunity> findByAccountIdOrderByCloseDate(String accountId);

    Page<Opportunity> findByOwnerId(String ownerId, Pageable page);

    /** A page of the pipeline, narrowed to one owner, one account and one type when each is given. */
    @Query("select o from Opportunity o where (:owner is null or o.ownerId = :owner) "
            + "and (:account is null or o.accountId = :account) and (:type is null or o.type = :type)")
    Page<Opportunity> filtered(@Param("owner") String owner, @Param("account") String account,
                               @Param("type") OpportunityType type, Pageable page);

    long countByTypeIn(java.util.Collection<OpportunityType> types);

    /**
     * A period's opportunities summed per rep, type and stage in one pass over the forecast index: the forecast's
     * figures per rep and type and its open pipeline by stage both come from these cells. Weighted pipeline comes back
     * as Σ amount × probability; the caller divides by 100 once.
     */
    @Query("""
            select new dev.accountflow.opportunity.PipelineCell(o.ownerId, o.type, o.stage,
                coalesce(sum(case when o.closedAt is null then o.amount else 0 end), 0),
                coalesce(sum(case when o.closedAt is null and o.forecastCategory in
                    (dev.accountflow.opportunity.ForecastCategory.BEST_CASE,
                     dev.accountflow.opportunity.ForecastCategory.COMMIT) then o.amount else 0 end), 0),
                coalesce(sum(case when o.closedAt is null
                    and o.forecastCategory = dev.accountflow.opportunity.ForecastCategory.COMMIT
                    then o.amount else 0 end), 0),
                coalesce(sum(case when o.stage = dev.accountflow.opportunity.Stage.CLOSED_WON
                    then o.amount else 0 end), 0),
                coalesce(sum(case when o.closedAt is null then o.amount * o.probability else 0 end), 0),
                sum(case when o.closedAt is null then 1 else 0 end))
            from Opportunity o
            where o.closeDate between :from and :to and (:owner is null or o.ownerId = :owner)
            group by o.ownerId, o.type, o.stage""")
    List<PipelineCell> pipelineCells(@Param("from") LocalDate from, @Param("to") LocalDate to,
                                     @Param("owner") String owner);
}
