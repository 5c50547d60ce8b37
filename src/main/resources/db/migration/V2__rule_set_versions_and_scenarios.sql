-- Rule sets managed by sales managers: every version kept, one active per set, scenario cases kept with the set.

create table rule_set (
    name           varchar(60)  primary key,
    description    varchar(500) not null,
    active_version integer      not null,
    updated_at     timestamp with time zone not null,
    -- optimistic lock: two managers publishing the same set at once get a conflict, not a lost update
    lock_version   bigint       not null default 0
);

create table rule_set_version (
    id           varchar(36)    primary key,
    rule_set     varchar(60)    not null references rule_set (name),
    version      integer        not null,
    drl          varchar(200000) not null,
    author       varchar(64)    not null,
    comment      varchar(1000),
    status       varchar(10)    not null,
    based_on     integer,
    created_at   timestamp with time zone not null,
    published_at timestamp with time zone,
    retired_at   timestamp with time zone
);
create unique index ux_rule_set_version on rule_set_version (rule_set, version);

create table rule_scenario (
    id         varchar(36)   primary key,
    rule_set   varchar(60)   not null references rule_set (name),
    name       varchar(200)  not null,
    facts      varchar(8000) not null,
    expected   varchar(4000) not null,
    author     varchar(64)   not null,
    created_at timestamp with time zone not null
);
create unique index ux_rule_scenario_name on rule_scenario (rule_set, name);
