-- My book's figures kept on the account row, so 100,000 accounts sort and count by them through indexes:
-- the ARR and next end date of the live (active or in-renewal) subscriptions and the worst open risk flag
-- (3 HIGH, 2 MEDIUM, 1 LOW, 0 none). AccountFigures refreshes them wherever subscriptions or flags change.
alter table account add column live_arr numeric(19, 2) default 0 not null;
alter table account add column next_renewal date;
alter table account add column worst_flag integer default 0 not null;

update account set
    live_arr = coalesce((select sum(s.arr) from subscription s
                          where s.account_id = account.id and s.status in ('ACTIVE', 'IN_RENEWAL')), 0),
    next_renewal = (select min(s.end_date) from subscription s
                     where s.account_id = account.id and s.status in ('ACTIVE', 'IN_RENEWAL')),
    worst_flag = coalesce((select max(case f.severity when 'HIGH' then 3 when 'MEDIUM' then 2 else 1 end)
                             from risk_flag f where f.account_id = account.id and f.resolved_at is null), 0);

create index ix_account_owner_arr on account (owner_id, live_arr);
create index ix_account_arr on account (live_arr);
create index ix_account_owner_next_renewal on account (owner_id, next_renewal);
create index ix_account_next_renewal on account (next_renewal);
create index ix_account_owner_worst_flag on account (owner_id, worst_flag);
create index ix_account_worst_flag on account (worst_flag);
