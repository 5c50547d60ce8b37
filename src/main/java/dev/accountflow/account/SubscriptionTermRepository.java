package dev.accountflow.account;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SubscriptionTermRepository extends JpaRepository<SubscriptionTerm, String> {

    List<SubscriptionTerm> findBySubscriptionIdOrderByStartDate(String subscriptionId);

    // the next term of a closed one is the subscription's first term starting after it ended
    @Query(value = """
            select coalesce(sum(t.arr), 0),
                   coalesce(sum(case when t.outcome in ('RENEWED', 'DOWNSOLD') then t.arr else 0 end), 0),
                   coalesce(sum(case when n.arr is null then 0 when n.arr < t.arr then n.arr else t.arr end), 0),
                   coalesce(sum(coalesce(n.arr, 0)), 0)
            from subscription_term t
            join subscription s on s.id = t.subscription_id
            join account a on a.id = s.account_id
            left join subscription_term n on n.subscription_id = t.subscription_id
                 and n.start_date = (select min(n2.start_date) from subscription_term n2
                                     where n2.subscription_id = t.subscription_id and n2.start_date > t.end_date)
            where t.outcome is not null and t.end_date between :from and :to
              and (cast(:owner as varchar(64)) is null or a.owner_id = :owner)
            """, nativeQuery = true)
    List<Object[]> retention(@Param("from") LocalDate from, @Param("to") LocalDate to, @Param("owner") String owner);
}
