-- Notices the notification rules hold for a person's daily digest; the dedupe key (the flag and the person) keeps
-- each one to a single line in a single digest however often the sweep sees the flag.
create table digest_entry (
    id                varchar(36)   primary key,
    recipient_user_id varchar(64)   not null,
    account_id        varchar(36)   not null,
    account_name      varchar(200)  not null,
    text              varchar(1000) not null,
    rule_name         varchar(300)  not null,
    dedupe_key        varchar(300)  not null,
    created_at        timestamp with time zone not null,
    digested_at       timestamp with time zone
);
create unique index ux_digest_entry_dedupe on digest_entry (dedupe_key);
create index ix_digest_entry_pending on digest_entry (digested_at, recipient_user_id);
-- a digest is one mail per person per day, as plain text and HTML
alter table notification alter column body set data type varchar(200000);
alter table notification add column html_body varchar(400000);
