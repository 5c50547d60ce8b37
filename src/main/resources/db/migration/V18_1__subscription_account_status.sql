-- The book's figures sum each account's live subscriptions: one index answers "this account's ACTIVE and
-- IN_RENEWAL subscriptions" whatever the planner's statistics say right after a bulk import.
create index ix_subscription_account_status on subscription (account_id, status);
