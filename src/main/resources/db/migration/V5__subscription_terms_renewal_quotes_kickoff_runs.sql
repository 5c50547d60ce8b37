-- A subscription's terms: a renewal closes one term and opens the next, so GRR/NRR can be computed later.
create table subscription_term (
    id              varchar(36)    primary key,
    subscription_id varchar(36)    not null references subscription (id),
    start_date      date           not null,
    end_date        date           not null,
    arr             numeric(19, 2) not null,
    -- how the term ended (RENEWED, DOWNSOLD, CHURNED); null while it runs
    outcome         varchar(20),
    recorded_at     timestamp with time zone not null
);
create index ix_subscription_term on subscription_term (subscription_id, start_date);

-- The renewal's quote as the server computed it: proposed vs current ARR, discount, and who approved it.
create table renewal_quote (
    id                  varchar(36)    primary key,
    subscription_id     varchar(36)    not null references subscription (id),
    process_instance_id varchar(64)    not null,
    current_arr         numeric(19, 2) not null,
    proposed_arr        numeric(19, 2) not null,
    term_months         integer        not null,
    discount_pct        numeric(7, 2)  not null,
    approval_required   boolean        not null,
    approval_reason     varchar(1000),
    approved            boolean,
    approved_by         varchar(64),
    approval_comment    varchar(4000),
    created_at          timestamp with time zone not null
);
create index ix_renewal_quote_process on renewal_quote (process_instance_id, created_at);

-- Which kick-off run started a live renewal, so a retried batch does not count it twice.
alter table live_renewal add column kickoff_run_id varchar(64);

-- One kick-off run (its id is the renewal-kickoff process instance): what it started and skipped.
create table renewal_kickoff_run (
    id          varchar(64) primary key,
    due         integer     not null,
    started     integer     not null default 0,
    skipped     integer     not null default 0,
    created_at  timestamp with time zone not null
);

-- Subscriptions a run could not start, with the reason; removed when a retry starts them.
create table renewal_kickoff_failure (
    run_id          varchar(64)   not null,
    subscription_id varchar(36)   not null,
    reason          varchar(1000) not null,
    primary key (run_id, subscription_id)
);
