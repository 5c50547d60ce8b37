package dev.accountflow.account;

import java.math.BigDecimal;

/**
 * Subscription terms that ended in a period with an outcome, summed in the database: the ARR that was up for
 * renewal, the part of it that renewed (its old ARR, downsells included, churn not), the renewed ARR capped at
 * each term's old ARR (for gross retention) and the next terms' ARR in full (for net retention).
 */
public record RetentionFigures(BigDecimal upForRenewal, BigDecimal renewed, BigDecimal retainedCapped,
                               BigDecimal retainedNext) {
}
