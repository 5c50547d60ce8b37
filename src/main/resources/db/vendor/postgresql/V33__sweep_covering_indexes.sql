-- PostgreSQL only: the nightly sweep reads a page of the book (accounts in id order) and, for the same id range, each
-- child table it needs. Account ids are random, so a page's rows lie on about as many heap pages as it has rows. Each
-- index below holds every column the sweep reads from its table, so each range is one index-only scan: the page's rows
-- side by side, as cheap as reading them in a row (the visibility map that allows it is kept by autovacuum).
create index ix_account_sweep on account (id) include (name, owner_id, tier, vertical, live_arr);
create index ix_subscription_sweep on subscription (account_id) include (id, product, arr, end_date)
    where status in ('ACTIVE', 'IN_RENEWAL');
create index ix_contact_sweep on contact (account_id) include (role, last_engaged_at, left_at)
    where role in ('EXECUTIVE_SPONSOR', 'CHAMPION');
-- the same name and key as before, now carrying the signal's figures
drop index if exists ix_health_signal_account;
create index ix_health_signal_account on health_signal (account_id, recorded_at)
    include (active_users_change_pct, seat_utilization_pct, open_escalations, csat);
create index ix_expansion_suggestion_open_page on expansion_suggestion (account_id) include (id, kind, product)
    where status = 'OPEN';
