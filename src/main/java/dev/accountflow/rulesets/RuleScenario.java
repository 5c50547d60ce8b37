package dev.accountflow.rulesets;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A test case kept with a rule set: given these facts, the rules must decide this. Stored as JSON text. */
@Entity
class RuleScenario {

    @Id
    private String id;
    private String ruleSet;
    private String name;
    private String facts;
    private String expected;
    private String author;
    private Instant createdAt;

    protected RuleScenario() {
    }

    RuleScenario(String ruleSet, String name, String facts, String expected, String author) {
        this.id = UUID.randomUUID().toString();
        this.ruleSet = ruleSet;
        this.name = name;
        this.facts = facts;
        this.expected = expected;
        this.author = author;
        this.createdAt = Instant.now();
    }

    String getId() { return id; }
    String getRuleSet() { return ruleSet; }
    String getName() { return name; }
    String getFacts() { return facts; }
    String getExpected() { return expected; }
    String getAuthor() { return author; }
    Instant getCreatedAt() { return createdAt; }
}
