-- Customers' feature requests: one row per account asking; a duplicate points at the request it was linked to
-- (its master), whose review decides for all of them.
create table feature_request (
    id                  varchar(36)    primary key,
    account_id          varchar(36)    not null references account (id),
    contact_id          varchar(36)    references contact (id),
    title               varchar(200)   not null,
    description         varchar(10000) not null,
    product_area        varchar(20),
    business_impact     varchar(20)    not null,
    opportunity_id      varchar(36),
    master_id           varchar(36)    references feature_request (id),
    status              varchar(20)    not null,
    pm_group            varchar(40),
    priority            varchar(4),
    sla_business_days   integer,
    arr_at_stake        numeric(19, 2) not null default 0,
    requesting_accounts integer        not null default 1,
    decision_note       varchar(4000),
    target_release      varchar(100),
    decided_by          varchar(64),
    customer_released   boolean        not null default false,
    requested_by        varchar(64)    not null,
    created_at          timestamp with time zone not null,
    decided_at          timestamp with time zone,
    shipped_at          timestamp with time zone,
    version             bigint not null default 0
);
create index ix_feature_request_board on feature_request (status, product_area, arr_at_stake);
create index ix_feature_request_account on feature_request (account_id);
create index ix_feature_request_master on feature_request (master_id);
