package dev.accountflow.rulesets;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A rule set and which of its versions is active. */
@Entity
@Table(name = "rule_set")
class RuleSetRecord {

    @Id
    private String name;
    private String description;
    private int activeVersion;
    private Instant updatedAt;
    @Version
    private long lockVersion;

    protected RuleSetRecord() {
    }

    RuleSetRecord(String name, String description, int activeVersion) {
        this.name = name;
        this.description = description;
        this.activeVersion = activeVersion;
        this.updatedAt = Instant.now();
    }

    void activate(int version) {
        this.activeVersion = version;
        this.updatedAt = Instant.now();
    }

    String getName() { return name; }
    String getDescription() { return description; }
    int getActiveVersion() { return activeVersion; }
    Instant getUpdatedAt() { return updatedAt; }
}
