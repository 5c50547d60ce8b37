package dev.accountflow.forecast;

import dev.accountflow.account.RetentionFigures;
import dev.accountflow.account.SubscriptionTerms;
import dev.accountflow.expansion.ExpansionSignals;
import dev.accountflow.opportunity.OpportunityService;
import dev.accountflow.opportunity.OpportunityType;
import dev.accountflow.opportunity.Pipeline;
import dev.accountflow.opportunity.PipelineFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The forecast against quota and the retention KPIs, all from aggregate queries. */
@Service
public class ForecastService {

    static final int RETENTION_QUARTERS = 4;
    // renewals of accounts without an owner still count toward the team's figures
    static final String UNOWNED = "(no owner)";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final RetentionFigures NOTHING_ENDED = new RetentionFigures(BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO);

    private final OpportunityService opportunities;
    private final SubscriptionTerms terms;
    private final QuotaRepository quotas;
    private final ExpansionSignals signals;

    ForecastService(OpportunityService opportunities, SubscriptionTerms terms, QuotaRepository quotas,
                    ExpansionSignals signals) {
        this.signals = signals;
        this.opportunities = opportunities;
        this.terms = terms;
        this.quotas = quotas;
    }

    /** The quarter's forecast for one rep, or (owner null) the whole team. */
    @Transactional(readOnly = true)
    Forecast forecast(Quarter quarter, String owner) {
        Map<String, Forecast.Row> rows = new TreeMap<>();
        Pipeline pipeline = opportunities.pipeline(quarter.firstDay(), quarter.lastDay(), owner);
        for (PipelineFigures f : pipeline.figures()) {
            String rep = f.ownerId() == null ? UNOWNED : f.ownerId();
            rows.put(key(rep, f.type()), row(rep, f.type(), f.pipeline(), f.bestCase(), f.commit(),
                    f.closedWon(), f.weightedPipeline(), BigDecimal.ZERO));
        }
        List<Quota> targets = owner == null ? quotas.findByQuarter(quarter.toString())
                : quotas.findByQuarterAndUserId(quarter.toString(), owner);
        for (Quota q : targets) {
            Forecast.Row r = rows.get(key(q.getUserId(), q.getType()));
            rows.put(key(q.getUserId(), q.getType()), r == null
                    ? row(q.getUserId(), q.getType(), zero(), zero(), zero(), zero(), zero(), q.getTarget())
                    : row(r.ownerId(), r.type(), r.pipeline(), r.bestCase(), r.commit(), r.closedWon(),
                    r.weightedPipeline(), q.getTarget()));
        }
        List<Forecast.Row> byType = new ArrayList<>(rows.values());
        List<Forecast.Row> reps = byType.stream().collect(Collectors.groupingBy(Forecast.Row::ownerId, TreeMap::new,
                Collectors.toList())).entrySet().stream().map(e -> sum(e.getKey(), e.getValue())).toList();
        Forecast.Row total = sum(null, byType);
        Quarter earliest = quarter;
        for (int i = 1; i < RETENTION_QUARTERS; i++) {
            earliest = earliest.previous();
        }
        Map<String, RetentionFigures> retention = terms.retentionByQuarter(earliest.firstDay(), quarter.lastDay(),
                owner);
        List<Forecast.RetentionRow> history = new ArrayList<>();
        Quarter q = quarter;
        for (int i = 0; i < RETENTION_QUARTERS; i++) {
            history.add(0, retentionRow(q, retention.getOrDefault(q.toString(), NOTHING_ENDED)));
            q = q.previous();
        }
        Forecast.RetentionRow now = history.get(history.size() - 1);
        return new Forecast(quarter.toString(), owner, total.pipeline(), total.bestCase(), total.commit(),
                total.closedWon(), total.weightedPipeline(), total.quota(), total.attainmentPct(),
                total.pipelineCoverage(), now.renewalRate(), now.grr(), now.nrr(), now.upForRenewal(), byType, reps,
                pipeline.openByStage().stream()
                        .sorted(Comparator.comparing(s -> s.stage().ordinal()))
                        .map(s -> new Forecast.StageRow(s.stage(), s.count(), s.amount())).toList(),
                history, signals.pipelineFromSignals(quarter.firstDay(), quarter.lastDay(), owner));
    }

    /** Sets a rep's targets for a quarter written like 2026-Q4 (the demo's quotas, integrations). */
    @Transactional
    public void setQuota(String userId, String quarter, Map<OpportunityType, BigDecimal> targets) {
        setQuota(userId, Quarter.parse("quarter", quarter), targets);
    }

    /** Sets a rep's targets for a quarter, per opportunity type; types not named keep their target. */
    @Transactional
    void setQuota(String userId, Quarter quarter, Map<OpportunityType, BigDecimal> targets) {
        targets.forEach((type, target) -> {
            Quota existing = quotas.findByQuarterAndUserId(quarter.toString(), userId).stream()
                    .filter(q -> q.getType() == type).findFirst().orElse(null);
            if (existing == null) {
                quotas.save(new Quota(userId, quarter.toString(), type, target));
            } else {
                existing.setTarget(target);
            }
        });
    }

    static Forecast.RetentionRow retentionRow(Quarter quarter, RetentionFigures f) {
        return new Forecast.RetentionRow(quarter.toString(), f.upForRenewal(), pct(f.renewed(), f.upForRenewal()),
                pct(f.retainedCapped(), f.upForRenewal()), pct(f.retainedNext(), f.upForRenewal()));
    }

    private static Forecast.Row sum(String owner, List<Forecast.Row> rows) {
        return row(owner, null, total(rows, Forecast.Row::pipeline), total(rows, Forecast.Row::bestCase),
                total(rows, Forecast.Row::commit), total(rows, Forecast.Row::closedWon),
                total(rows, Forecast.Row::weightedPipeline), total(rows, Forecast.Row::quota));
    }

    /** Attainment = closed won ÷ quota; coverage = open weighted pipeline ÷ quota still to close. */
    private static Forecast.Row row(String owner, OpportunityType type, BigDecimal pipeline, BigDecimal bestCase,
                                    BigDecimal commit, BigDecimal closedWon, BigDecimal weighted, BigDecimal quota) {
        BigDecimal remaining = quota.subtract(closedWon);
        BigDecimal coverage = remaining.signum() <= 0 ? null : weighted.divide(remaining, 2, RoundingMode.HALF_UP);
        return new Forecast.Row(owner, type, pipeline, bestCase, commit, closedWon,
                weighted.setScale(2, RoundingMode.HALF_UP), quota, pct(closedWon, quota), coverage);
    }

    private static BigDecimal pct(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal total(List<Forecast.Row> rows, java.util.function.Function<Forecast.Row, BigDecimal> f) {
        return rows.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO;
    }

    private static String key(String owner, OpportunityType type) {
        return owner + "|" + type;
    }
}
