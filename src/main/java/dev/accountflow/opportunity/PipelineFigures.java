package dev.accountflow.opportunity;

import java.math.BigDecimal;

/**
 * One rep's opportunities of one type closing in a period, summed in the database: open pipeline, best case
 * (open best-case and commit), commit (open commit), closed won, and the open amount weighted by probability.
 */
public record PipelineFigures(String ownerId, OpportunityType type, BigDecimal pipeline, BigDecimal bestCase,
                              BigDecimal commit, BigDecimal closedWon, BigDecimal weightedPipeline) {
}
