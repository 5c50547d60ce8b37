package dev.accountflow.account;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SubscriptionTermRepository extends JpaRepository<SubscriptionTerm, String> {

    List<SubscriptionTerm> findBySubscriptionIdOrderByStartDate(String subscriptionId);

    // per quarter of the end date, over the terms that ended with an outcome: ARR up for renewal, ARR renewed, the
    // next terms' ARR capped at the old (gross retention) and in full (net retention); one pass over the index
    String RETENTION_SELECT = """
            select extract(year from t.end_date), extract(quarter from t.end_date), coalesce(sum(t.arr), 0),
                   coalesce(sum(case when t.outcome in ('RENEWED', 'DOWNSOLD') then t.arr else 0 end), 0),
                   coalesce(sum(case when t.next_arr is null then 0 when t.next_arr < t.arr then t.next_arr
                                     else t.arr end), 0),
                   coalesce(sum(coalesce(t.next_arr, 0)), 0)
            from subscription_term t
            """;
    String RETENTION_WHERE = " where t.outcome is not null and t.end_date between :from and :to";
    String RETENTION_GROUP = " group by extract(year from t.end_date), extract(quarter from t.end_date)";

    // the whole book needs no join to the accounts
    @Query(value = RETENTION_SELECT + RETENTION_WHERE + RETENTION_GROUP, nativeQuery = true)
    List<Object[]> retentionByQuarter(@Param("from") LocalDate from, @Param("to") LocalDate to);

    @Query(value = RETENTION_SELECT + """
                  join subscription s on s.id = t.subscription_id
                  join account a on a.id = s.account_id
            """ + RETENTION_WHERE + " and a.owner_id = :owner" + RETENTION_GROUP, nativeQuery = true)
    List<Object[]> retentionByQuarter(@Param("from") LocalDate from, @Param("to") LocalDate to,
                                      @Param("owner") String owner);
}
