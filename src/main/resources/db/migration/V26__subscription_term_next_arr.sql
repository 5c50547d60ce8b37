-- A term closed by a renewal keeps the ARR of the term that followed it (none after a churn), so gross and net
-- retention for a quarter are sums over the terms that ended in it, read from one index, with no look-up of the next
-- term per row.
alter table subscription_term add column next_arr numeric(19, 2);

update subscription_term t
set next_arr = (select n.arr from subscription_term n
                where n.subscription_id = t.subscription_id and n.start_date > t.end_date
                order by n.start_date
                fetch first 1 row only)
where t.outcome is not null;

drop index ix_subscription_term_end;
create index ix_subscription_term_retention on subscription_term (end_date, outcome, arr, next_arr, subscription_id);
