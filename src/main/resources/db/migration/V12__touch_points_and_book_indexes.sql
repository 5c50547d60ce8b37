-- Touch points a rep records with the people of an account (meeting, call, e-mail); the latest one with an
-- executive sponsor is what the health rules read as "last executive contact".
create table touch_point (
    id           varchar(36)   primary key,
    account_id   varchar(36)   not null references account (id),
    contact_id   varchar(36)   not null references contact (id),
    kind         varchar(20)   not null,
    occurred_at  timestamp with time zone not null,
    note         varchar(2000),
    recorded_by  varchar(64)   not null,
    recorded_at  timestamp with time zone not null
);
create index ix_touch_point_account on touch_point (account_id, occurred_at);

-- My book sorts and filters 100,000 accounts in the database: by owner and name, open flags and opportunities per account.
create index ix_account_owner_name on account (owner_id, name_key);
create index ix_risk_flag_open_account on risk_flag (account_id, resolved_at);
create index ix_opportunity_open_account on opportunity (account_id, closed_at);
