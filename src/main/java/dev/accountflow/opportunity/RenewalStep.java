package dev.accountflow.opportunity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** One row of the renewal step table: the stage a renewal opportunity is in while its renewal is at that step. */
@Entity
class RenewalStep {

    /** The step a renewal opportunity is opened at, before its first task. */
    static final String OPENED = "OPENED";

    @Id
    private String step;
    @Enumerated(EnumType.STRING)
    private Stage stage;

    protected RenewalStep() {
    }

    String step() { return step; }
    Stage stage() { return stage; }
}
