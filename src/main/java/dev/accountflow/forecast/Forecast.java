package dev.accountflow.forecast;

import dev.accountflow.opportunity.OpportunityType;
import dev.accountflow.opportunity.Stage;
import java.math.BigDecimal;
import java.util.List;

/**
 * A quarter's forecast against quota: totals over what the caller may see, one row per rep and opportunity type,
 * one per rep, the open pipeline by stage, and renewal rate, GRR and NRR for this and the previous quarters.
 * Percentages are numbers (62.5 means 62.5 %); a ratio without a denominator is null. {@code pipelineFromSignals} is
 * the open pipeline that accepted expansion suggestions opened, already counted in {@code pipeline}.
 */
record Forecast(String quarter, String owner, BigDecimal pipeline, BigDecimal bestCase, BigDecimal commit,
                BigDecimal closedWon, BigDecimal weightedPipeline, BigDecimal quota, BigDecimal attainmentPct,
                BigDecimal pipelineCoverage, BigDecimal renewalRate, BigDecimal grr, BigDecimal nrr,
                BigDecimal upForRenewal, List<Row> rows, List<Row> reps, List<StageRow> byStage,
                List<RetentionRow> retentionByQuarter, BigDecimal pipelineFromSignals) {

    /** One rep's figures, for one opportunity type (type null: all types). */
    record Row(String ownerId, OpportunityType type, BigDecimal pipeline, BigDecimal bestCase, BigDecimal commit,
               BigDecimal closedWon, BigDecimal weightedPipeline, BigDecimal quota, BigDecimal attainmentPct,
               BigDecimal pipelineCoverage) {
    }

    record StageRow(Stage stage, long count, BigDecimal amount) {
    }

    record RetentionRow(String quarter, BigDecimal upForRenewal, BigDecimal renewalRate, BigDecimal grr,
                        BigDecimal nrr) {
    }
}
