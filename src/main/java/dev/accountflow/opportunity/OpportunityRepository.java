package dev.accountflow.opportunity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OpportunityRepository extends JpaRepository<Opportunity, String> {

    List<Opportunity> findBySubscriptionIdOrderByCreatedAt(String subscriptionId);

    List<Opportunity> findByAccountIdOrderByCloseDate(String accountId);
}
