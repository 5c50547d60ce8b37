-- Each strategic account's annual plan: quarterly objectives, and the manager's reviews of it.
create table account_plan (
    id          varchar(36) primary key,
    account_id  varchar(36) not null references account (id),
    fiscal_year integer     not null,
    created_at  timestamp with time zone not null
);
create unique index ux_account_plan_year on account_plan (account_id, fiscal_year);

create table plan_objective (
    id         varchar(36)   primary key,
    plan_id    varchar(36)   not null references account_plan (id),
    quarter    integer       not null,
    objective  varchar(500)  not null,
    measure    varchar(300)  not null,
    target     varchar(200)  not null,
    status     varchar(20)   not null,
    owner_id   varchar(64)   not null,
    created_at timestamp with time zone not null,
    version    bigint not null default 0
);
create index ix_plan_objective_plan on plan_objective (plan_id, quarter);

create table plan_review (
    id                  varchar(36)   primary key,
    plan_id             varchar(36)   not null references account_plan (id),
    process_instance_id varchar(64)   not null,
    summary             varchar(4000),
    decision            varchar(20)   not null,
    reviewer            varchar(64)   not null,
    review_comment      varchar(4000),
    reviewed_at         timestamp with time zone not null
);
create index ix_plan_review_plan on plan_review (plan_id, reviewed_at);

-- One running review cycle per strategic account; the primary key keeps two nodes from starting a second one.
create table plan_review_cycle (
    account_id          varchar(36) primary key references account (id),
    process_instance_id varchar(64),
    started_at          timestamp with time zone not null
);
