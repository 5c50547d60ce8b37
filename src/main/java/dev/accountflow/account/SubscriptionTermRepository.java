package dev.accountflow.account;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SubscriptionTermRepository extends JpaRepository<SubscriptionTerm, String> {

    List<SubscriptionTerm> findBySubscriptionIdOrderByStartDate(String subscriptionId);

    // per quarter of the end date: the terms that ended with an outcome, and each one's next term (the first one of
    // the subscription starting after it ended, picked by row_number so no correlated look-up runs per term)
    String RETENTION_SELECT = """
            select x.y, x.q, coalesce(sum(x.arr), 0),
                   coalesce(sum(case when x.outcome in ('RENEWED', 'DOWNSOLD') then x.arr else 0 end), 0),
                   coalesce(sum(case when x.next_arr is null then 0 when x.next_arr < x.arr then x.next_arr
                                     else x.arr end), 0),
                   coalesce(sum(coalesce(x.next_arr, 0)), 0)
            from (select extract(year from t.end_date) y, extract(quarter from t.end_date) q, t.arr, t.outcome,
                         n.arr next_arr, row_number() over (partition by t.id order by n.start_date) k
                  from subscription_term t
            """;
    String RETENTION_NEXT_TERM = """
                  left join subscription_term n on n.subscription_id = t.subscription_id and n.start_date > t.end_date
                  where t.outcome is not null and t.end_date between :from and :to
            """;
    String RETENTION_GROUP = """
                 ) x
            where x.k = 1
            group by x.y, x.q""";

    // the whole book needs no join to the accounts
    @Query(value = RETENTION_SELECT + RETENTION_NEXT_TERM + RETENTION_GROUP, nativeQuery = true)
    List<Object[]> retentionByQuarter(@Param("from") LocalDate from, @Param("to") LocalDate to);

    @Query(value = RETENTION_SELECT + """
                  join subscription s on s.id = t.subscription_id
                  join account a on a.id = s.account_id
            """ + RETENTION_NEXT_TERM + " and a.owner_id = :owner" + RETENTION_GROUP, nativeQuery = true)
    List<Object[]> retentionByQuarter(@Param("from") LocalDate from, @Param("to") LocalDate to,
                                      @Param("owner") String owner);
}
