package dev.accountflow.rules;

import jakarta.persistence.Entity;
import jakarta.persistence.Transient;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Id;
import org.springframework.data.domain.Persistable;
import java.time.Instant;
import java.util.UUID;

/** One automated decision: which rule set version made it, which rules fired, what facts they saw. */
@Entity
public class DecisionRecord implements Persistable<String> {

    @Id
    private String id;
    // assigned here, so Spring Data cannot tell a new row by its id: inserted without a select first
    @Transient
    private boolean fresh;
    private String decisionType;
    private String subjectType;
    private String subjectId;
    private String ruleSet;
    private int ruleSetVersion;
    private String rulesFired;
    private String facts;
    private String outcome;
    private Instant madeAt;

    protected DecisionRecord() {
    }

    DecisionRecord(String decisionType, String subjectType, String subjectId, RuleRun run, String facts, String outcome) {
        this.id = UUID.randomUUID().toString();
        this.fresh = true;
        this.decisionType = decisionType;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.ruleSet = run.ruleSet();
        this.ruleSetVersion = run.version();
        this.rulesFired = String.join("\n", run.rulesFired());
        this.facts = facts;
        this.outcome = outcome;
        this.madeAt = Instant.now();
    }

    public String getId() { return id; }
    public String getDecisionType() { return decisionType; }
    public String getSubjectType() { return subjectType; }
    public String getSubjectId() { return subjectId; }
    public String getRuleSet() { return ruleSet; }
    public int getRuleSetVersion() { return ruleSetVersion; }
    public String getRulesFired() { return rulesFired; }
    public String getFacts() { return facts; }
    public String getOutcome() { return outcome; }
    public Instant getMadeAt() { return madeAt; }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
