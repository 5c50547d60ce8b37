-- Expansion and new-business opportunities: product, channel partner, what the stage gates read, help asked for.
alter table opportunity add column product varchar(120);
alter table opportunity add column partner_id varchar(36);
alter table opportunity add column se_contributed_at timestamp with time zone;
alter table opportunity add column compliance_reviewed_at timestamp with time zone;
alter table opportunity add column assistance_notes varchar(4000);
alter table opportunity add column services_estimate numeric(19, 2);
alter table opportunity add column gate_reasons varchar(4000);

-- The forecast sums a quarter's opportunities per rep and type in the database.
create index ix_opportunity_forecast on opportunity (close_date, owner_id, type);

-- Probability and forecast category follow the stage: a table the team keeps, not numbers in code.
create table stage_forecast (
    stage             varchar(30) primary key,
    probability       integer     not null,
    forecast_category varchar(20) not null
);
insert into stage_forecast (stage, probability, forecast_category) values ('QUALIFY', 10, 'PIPELINE');
insert into stage_forecast (stage, probability, forecast_category) values ('DISCOVER', 20, 'PIPELINE');
insert into stage_forecast (stage, probability, forecast_category) values ('SOLUTION_DEVELOPMENT', 40, 'BEST_CASE');
insert into stage_forecast (stage, probability, forecast_category) values ('PROPOSAL', 60, 'BEST_CASE');
insert into stage_forecast (stage, probability, forecast_category) values ('NEGOTIATION', 80, 'COMMIT');
insert into stage_forecast (stage, probability, forecast_category) values ('CLOSED_WON', 100, 'CLOSED');
insert into stage_forecast (stage, probability, forecast_category) values ('CLOSED_LOST', 0, 'OMITTED');

-- Channel partners (resellers, integrators) an account manager can call in.
create table partner (
    id            varchar(36)  primary key,
    name          varchar(200) not null,
    kind          varchar(20)  not null,
    contact_email varchar(320) not null
);

-- A rep's target per quarter (e.g. 2026-Q4) and opportunity type.
create table quota (
    user_id varchar(64)    not null,
    quarter varchar(7)     not null,
    type    varchar(20)    not null,
    target  numeric(19, 2) not null,
    primary key (user_id, quarter, type)
);
