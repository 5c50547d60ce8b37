-- The forecast sums a quarter's opportunities per rep and type from the index alone (no table reads), for the whole
-- team or one rep; it replaces the narrower forecast index.
drop index ix_opportunity_forecast;
create index ix_opportunity_forecast_figures on opportunity
    (close_date, owner_id, type, stage, forecast_category, closed_at, amount, probability);

-- Renewal rate, GRR and NRR start from the terms that ended in the quarters asked for.
create index ix_subscription_term_end on subscription_term (end_date);
