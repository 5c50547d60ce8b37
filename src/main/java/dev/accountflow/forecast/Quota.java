package dev.accountflow.forecast;

import dev.accountflow.opportunity.OpportunityType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.math.BigDecimal;

/** A rep's target for one quarter and opportunity type. */
@Entity
@IdClass(Quota.Key.class)
class Quota {

    static class Key implements Serializable {
        private String userId;
        private String quarter;
        private OpportunityType type;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(userId, k.userId)
                    && java.util.Objects.equals(quarter, k.quarter) && type == k.type;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(userId, quarter, type);
        }
    }

    @Id
    private String userId;
    @Id
    private String quarter;
    @Id
    @Enumerated(EnumType.STRING)
    private OpportunityType type;
    private BigDecimal target;

    protected Quota() {
    }

    Quota(String userId, String quarter, OpportunityType type, BigDecimal target) {
        this.userId = userId;
        this.quarter = quarter;
        this.type = type;
        this.target = target;
    }

    void setTarget(BigDecimal target) {
        this.target = target;
    }

    String getUserId() { return userId; }
    String getQuarter() { return quarter; }
    OpportunityType getType() { return type; }
    BigDecimal getTarget() { return target; }
}
