package dev.accountflow.renewal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LiveRenewalRepository extends JpaRepository<LiveRenewal, String> {

    /** Ends the live renewal only if it is still this process's, so a newer renewal of the subscription stays. */
    @Modifying
    @Query("delete from LiveRenewal l where l.subscriptionId = ?1 and l.processInstanceId = ?2")
    int release(String subscriptionId, String processInstanceId);
}
