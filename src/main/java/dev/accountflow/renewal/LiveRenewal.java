package dev.accountflow.renewal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * A renewal in progress; its primary key (the subscription) makes a second live renewal impossible. Always
 * inserted, never merged: a second node's insert fails on the key instead of overwriting the first node's row.
 */
@Entity
class LiveRenewal implements Persistable<String> {

    @Id
    private String subscriptionId;
    private String opportunityId;
    private String processInstanceId;
    private String kickoffRunId;
    private Instant startedAt;
    @Transient
    private boolean fresh;

    protected LiveRenewal() {
    }

    LiveRenewal(String subscriptionId, String opportunityId, String kickoffRunId) {
        this.subscriptionId = subscriptionId;
        this.opportunityId = opportunityId;
        this.kickoffRunId = kickoffRunId;
        this.startedAt = Instant.now();
        this.fresh = true;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    @Override
    public String getId() { return subscriptionId; }

    @Override
    public boolean isNew() { return fresh; }

    String getSubscriptionId() { return subscriptionId; }
    String getOpportunityId() { return opportunityId; }
    String getProcessInstanceId() { return processInstanceId; }
    String getKickoffRunId() { return kickoffRunId; }
    Instant getStartedAt() { return startedAt; }
}
