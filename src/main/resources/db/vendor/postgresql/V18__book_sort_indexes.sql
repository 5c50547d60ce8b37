-- PostgreSQL only: My book pages 100,000 accounts in any sort and direction by walking one index, never sorting
-- the book. Each index leads with the sort column (after the owner for a rep's book) and ends with the tie-breakers
-- name and id, so "order by <column>, name, id" (asc or desc, one direction for all three) is the index's order
-- forwards or backwards. Nullable columns sorted descending keep their blanks last with an index of their own.
drop index if exists ix_account_owner;
drop index if exists ix_account_owner_name;
drop index if exists ix_account_owner_arr;
drop index if exists ix_account_arr;
drop index if exists ix_account_owner_next_renewal;
drop index if exists ix_account_next_renewal;
drop index if exists ix_account_owner_worst_flag;
drop index if exists ix_account_worst_flag;

create index ix_book_name on account (name_key, id);
create index ix_book_owner_name on account (owner_id, name_key, id);
create index ix_book_owner_desc on account (owner_id desc nulls last, name_key desc, id desc);
create index ix_book_arr on account (live_arr, name_key, id);
create index ix_book_owner_arr on account (owner_id, live_arr, name_key, id);
create index ix_book_health on account (worst_flag, name_key, id);
create index ix_book_owner_health on account (owner_id, worst_flag, name_key, id);
create index ix_book_vertical on account (vertical, name_key, id);
create index ix_book_owner_vertical on account (owner_id, vertical, name_key, id);
create index ix_book_tier on account ((case tier when 'STRATEGIC' then 1 when 'ENTERPRISE' then 2 else 3 end), name_key, id);
create index ix_book_owner_tier on account (owner_id, (case tier when 'STRATEGIC' then 1 when 'ENTERPRISE' then 2 else 3 end), name_key, id);
create index ix_book_renewal on account (next_renewal, name_key, id);
create index ix_book_renewal_desc on account (next_renewal desc nulls last, name_key desc, id desc);
create index ix_book_owner_renewal on account (owner_id, next_renewal, name_key, id);
create index ix_book_owner_renewal_desc on account (owner_id, next_renewal desc nulls last, name_key desc, id desc);
