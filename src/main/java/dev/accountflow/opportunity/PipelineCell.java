package dev.accountflow.opportunity;

import java.math.BigDecimal;

/** One rep's opportunities of one type in one stage closing in a period, summed in the database. */
record PipelineCell(String ownerId, OpportunityType type, Stage stage, BigDecimal pipeline, BigDecimal bestCase,
                    BigDecimal commit, BigDecimal closedWon, BigDecimal weightedTimes100, Long openCount) {
}
