package dev.accountflow.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SubscriptionRepository extends JpaRepository<Subscription, String> {

    List<Subscription> findByAccountIdOrderByEndDate(String accountId);

    List<Subscription> findByStatusAndEndDateBetweenOrderByEndDate(SubscriptionStatus status, LocalDate from, LocalDate to);

    @Query("select coalesce(sum(s.arr), 0) from Subscription s where s.accountId in :accountIds and s.status in :statuses")
    BigDecimal sumArrOf(Collection<String> accountIds, Collection<SubscriptionStatus> statuses);

    @Query("select s.accountId, coalesce(sum(s.arr), 0) from Subscription s where s.accountId in :accountIds"
            + " and s.status in :statuses group by s.accountId")
    List<Object[]> sumArrByAccount(Collection<String> accountIds, Collection<SubscriptionStatus> statuses);
}
