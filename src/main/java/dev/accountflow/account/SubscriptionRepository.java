package dev.accountflow.account;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriptionRepository extends JpaRepository<Subscription, String> {

    List<Subscription> findByAccountIdOrderByEndDate(String accountId);

    List<Subscription> findByStatusAndEndDateBetweenOrderByEndDate(SubscriptionStatus status, LocalDate from, LocalDate to);
}
