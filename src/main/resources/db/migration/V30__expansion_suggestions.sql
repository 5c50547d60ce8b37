-- Expansion signals: seats in use on a health signal, the catalog product a feature request is about, and the
-- suggestions the expansion-signals table makes. open_key is set only while a suggestion is open, so its unique
-- index allows one open suggestion per account, kind and product however many were dismissed or accepted before.
alter table health_signal add column seat_utilization_pct numeric(5, 2);
alter table feature_request add column product varchar(100);

create table expansion_suggestion (
    id               varchar(36)    primary key,
    account_id       varchar(36)    not null references account (id),
    kind             varchar(20)    not null,
    product          varchar(100)   not null,
    reason           varchar(1000)  not null,
    estimated_amount numeric(19, 2) not null,
    rule_row         varchar(300)   not null,
    rule_set_version integer        not null,
    quiet_days       integer        not null,
    status           varchar(12)    not null,
    open_key         varchar(250),
    decision_id      varchar(36),
    suggested_at     timestamp with time zone not null,
    decided_at       timestamp with time zone,
    decided_by       varchar(64),
    dismiss_reason   varchar(1000),
    hidden_until     date,
    opportunity_id   varchar(36)    references opportunity (id),
    version          bigint not null default 0
);
create unique index ux_expansion_suggestion_open on expansion_suggestion (open_key);
create index ix_expansion_suggestion_account on expansion_suggestion (account_id, kind, product);
create index ix_expansion_suggestion_opportunity on expansion_suggestion (opportunity_id);
-- a rep's largest open suggestions first, on her book page
create index ix_expansion_suggestion_open_amount on expansion_suggestion (status, estimated_amount);
