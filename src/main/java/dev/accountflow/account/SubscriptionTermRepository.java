package dev.accountflow.account;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriptionTermRepository extends JpaRepository<SubscriptionTerm, String> {

    List<SubscriptionTerm> findBySubscriptionIdOrderByStartDate(String subscriptionId);
}
