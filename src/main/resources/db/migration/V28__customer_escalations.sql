-- Customer escalations an account manager raises to support, services, billing, legal or product management, with
-- the SLA the escalation-routing table set (business hours to acknowledge, business days to resolve) and the
-- business hours each step took, so time-to-acknowledge and time-to-resolve are averages per division and month.
create table escalation (
    id                      varchar(36)    primary key,
    account_id              varchar(36)    not null references account (id),
    division                varchar(20)    not null,
    severity                varchar(2)     not null,
    summary                 varchar(200)   not null,
    customer_impact         varchar(10000) not null,
    contact_id              varchar(36)    references contact (id),
    opportunity_id          varchar(36),
    status                  varchar(20)    not null,
    routed_group            varchar(40),
    acknowledge_hours       integer,
    resolve_days            integer,
    tell_sales_managers     boolean        not null default false,
    acknowledge_by          timestamp with time zone,
    resolve_by              timestamp with time zone,
    acknowledged_at         timestamp with time zone,
    acknowledged_by         varchar(64),
    resolved_at             timestamp with time zone,
    resolved_by             varchar(64),
    resolution              varchar(10000),
    closed_at               timestamp with time zone,
    reopened                integer        not null default 0,
    breached_at             timestamp with time zone,
    hours_to_acknowledge    numeric(9, 2),
    hours_to_resolve        numeric(9, 2),
    raised_month            varchar(7)     not null,
    raised_by               varchar(64)    not null,
    created_at              timestamp with time zone not null,
    version                 bigint not null default 0
);
create index ix_escalation_account on escalation (account_id, created_at);
create index ix_escalation_queue on escalation (routed_group, status, acknowledge_by);
create index ix_escalation_open on escalation (status, account_id);
create index ix_escalation_breached on escalation (breached_at);
create index ix_escalation_month on escalation (raised_month, division);

-- What happened to an escalation, in order: raised, acknowledged, notes, resolved, reopened, closed, reminded, breached.
create table escalation_entry (
    id              varchar(36)    primary key,
    escalation_id   varchar(36)    not null references escalation (id),
    kind            varchar(20)    not null,
    detail          varchar(10000),
    actor           varchar(64),
    happened_at     timestamp with time zone not null
);
create index ix_escalation_entry on escalation_entry (escalation_id, happened_at);
