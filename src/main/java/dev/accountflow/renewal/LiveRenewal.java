package dev.accountflow.renewal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A renewal in progress; its primary key (the subscription) makes a second live renewal impossible. */
@Entity
class LiveRenewal {

    @Id
    private String subscriptionId;
    private String opportunityId;
    private String processInstanceId;
    private Instant startedAt;

    protected LiveRenewal() {
    }

    LiveRenewal(String subscriptionId, String opportunityId) {
        this.subscriptionId = subscriptionId;
        this.opportunityId = opportunityId;
        this.startedAt = Instant.now();
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    String getSubscriptionId() { return subscriptionId; }
    String getOpportunityId() { return opportunityId; }
    String getProcessInstanceId() { return processInstanceId; }
    Instant getStartedAt() { return startedAt; }
}
