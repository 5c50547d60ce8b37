package dev.accountflow.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** The running review cycle of a strategic account; always inserted, so a second node's start fails on the key. */
@Entity
class PlanReviewCycle implements Persistable<String> {

    @Id
    private String accountId;
    private String processInstanceId;
    private Instant startedAt;
    @Transient
    private boolean fresh;

    protected PlanReviewCycle() {
    }

    PlanReviewCycle(String accountId) {
        this.accountId = accountId;
        this.startedAt = Instant.now();
        this.fresh = true;
    }

    void attachProcess(String id) {
        processInstanceId = id;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    @Override
    public String getId() { return accountId; }

    @Override
    public boolean isNew() { return fresh; }

    String getProcessInstanceId() { return processInstanceId; }
}
