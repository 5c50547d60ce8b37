-- AccountFlow's own tables (Camunda keeps its ACT_* tables itself). Portable between PostgreSQL and H2.

create table account (
    id          varchar(36)  primary key,
    name        varchar(200) not null,
    vertical    varchar(30)  not null,
    territory   varchar(40)  not null,
    tier        varchar(20)  not null,
    owner_id    varchar(64),
    created_at  timestamp with time zone not null,
    version     bigint not null default 0
);
create unique index ux_account_name on account (name);
create index ix_account_owner on account (owner_id);

create table contact (
    id              varchar(36)  primary key,
    account_id      varchar(36)  not null references account (id),
    name            varchar(200) not null,
    email           varchar(320),
    role            varchar(30)  not null,
    last_engaged_at timestamp with time zone
);
create index ix_contact_account on contact (account_id);

create table subscription (
    id           varchar(36)    primary key,
    account_id   varchar(36)    not null references account (id),
    product      varchar(120)   not null,
    arr          numeric(19, 2) not null,
    start_date   date           not null,
    end_date     date           not null,
    status       varchar(20)    not null,
    churn_reason varchar(1000),
    version      bigint not null default 0
);
create index ix_subscription_account on subscription (account_id);
create index ix_subscription_end on subscription (status, end_date);

create table health_signal (
    id                      varchar(36) primary key,
    account_id              varchar(36) not null references account (id),
    recorded_at             timestamp with time zone not null,
    active_users_change_pct numeric(7, 2),
    open_escalations        integer,
    csat                    numeric(3, 1)
);
create index ix_health_signal_account on health_signal (account_id, recorded_at);

create table risk_flag (
    id          varchar(36)   primary key,
    account_id  varchar(36)   not null references account (id),
    code        varchar(60)   not null,
    severity    varchar(10)   not null,
    reason      varchar(1000) not null,
    rule_name   varchar(300)  not null,
    raised_at   timestamp with time zone not null,
    resolved_at timestamp with time zone,
    -- "account:code" while the flag is open, null once resolved: at most one open flag per (account, code)
    open_key    varchar(120)
);
create unique index ux_risk_flag_open on risk_flag (open_key);
create index ix_risk_flag_account on risk_flag (account_id);

create table opportunity (
    id                  varchar(36)    primary key,
    account_id          varchar(36)    not null references account (id),
    subscription_id     varchar(36)    references subscription (id),
    name                varchar(300)   not null,
    type                varchar(20)    not null,
    stage               varchar(30)    not null,
    amount              numeric(19, 2) not null,
    close_date          date           not null,
    probability         integer        not null,
    forecast_category   varchar(20)    not null,
    owner_id            varchar(64),
    loss_reason         varchar(1000),
    process_instance_id varchar(64),
    created_at          timestamp with time zone not null,
    closed_at           timestamp with time zone,
    version             bigint not null default 0
);
create index ix_opportunity_account on opportunity (account_id);
create index ix_opportunity_subscription on opportunity (subscription_id);

-- One row per renewal in progress; the primary key makes a second live renewal of a subscription impossible.
create table live_renewal (
    subscription_id     varchar(36) primary key references subscription (id),
    opportunity_id      varchar(36) not null references opportunity (id),
    process_instance_id varchar(64),
    started_at          timestamp with time zone not null
);

create table notification (
    id                varchar(36)  primary key,
    recipient_user_id varchar(64),
    recipient_email   varchar(320) not null,
    template          varchar(60)  not null,
    subject           varchar(300) not null,
    body              varchar(8000) not null,
    dedupe_key        varchar(300) not null,
    status            varchar(12)  not null,
    attempts          integer      not null default 0,
    next_attempt_at   timestamp with time zone not null,
    claimed_until     timestamp with time zone,
    last_error        varchar(1000),
    created_at        timestamp with time zone not null,
    sent_at           timestamp with time zone,
    version           bigint not null default 0
);
create unique index ux_notification_dedupe on notification (dedupe_key);
create index ix_notification_due on notification (status, next_attempt_at);

create table decision_record (
    id               varchar(36)  primary key,
    decision_type    varchar(40)  not null,
    subject_type     varchar(40)  not null,
    subject_id       varchar(64)  not null,
    rule_set         varchar(60)  not null,
    rule_set_version integer      not null,
    rules_fired      varchar(4000) not null,
    facts            varchar(8000) not null,
    outcome          varchar(4000) not null,
    made_at          timestamp with time zone not null
);
create index ix_decision_subject on decision_record (subject_type, subject_id);
