package dev.accountflow.rulesets;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One version of a rule set's DRL (and, for a table, the rows it was made of); never changes once saved. */
@Entity
class RuleSetVersion {

    @Id
    private String id;
    private String ruleSet;
    private int version;
    private String drl;
    private String author;
    private String comment;
    @Enumerated(EnumType.STRING)
    private RuleSetStatus status;
    private Integer basedOn;
    private Instant createdAt;
    private Instant publishedAt;
    private Instant retiredAt;
    private String tableRows;
    private String templateText;

    protected RuleSetVersion() {
    }

    RuleSetVersion(String ruleSet, int version, String drl, String author, String comment, Integer basedOn) {
        this.id = UUID.randomUUID().toString();
        this.ruleSet = ruleSet;
        this.version = version;
        this.drl = drl;
        this.author = author;
        this.comment = comment;
        this.basedOn = basedOn;
        this.status = RuleSetStatus.DRAFT;
        this.createdAt = Instant.now();
    }

    RuleSetVersion(String ruleSet, int version, String drl, String tableRows, String author, String comment,
                   Integer basedOn) {
        this(ruleSet, version, drl, author, comment, basedOn);
        this.tableRows = tableRows;
    }

    /** A table version made with a developer's template of its own (null: the template in rules/). */
    RuleSetVersion(String ruleSet, int version, String drl, String tableRows, String templateText, String author,
                   String comment, Integer basedOn) {
        this(ruleSet, version, drl, tableRows, author, comment, basedOn);
        this.templateText = templateText;
    }

    void activate() {
        status = RuleSetStatus.ACTIVE;
        publishedAt = Instant.now();
    }

    void retire() {
        status = RuleSetStatus.RETIRED;
        retiredAt = Instant.now();
    }

    String getId() { return id; }
    String getRuleSet() { return ruleSet; }
    int getVersion() { return version; }
    String getDrl() { return drl; }
    String getAuthor() { return author; }
    String getComment() { return comment; }
    RuleSetStatus getStatus() { return status; }
    Integer getBasedOn() { return basedOn; }
    Instant getCreatedAt() { return createdAt; }
    Instant getPublishedAt() { return publishedAt; }
    Instant getRetiredAt() { return retiredAt; }
    /** The table rows as JSON, or null for a version written as raw DRL. */
    String getTableRows() { return tableRows; }
    /** The template this version's rows were compiled with, or null for the one in rules/. */
    String getTemplateText() { return templateText; }
}
