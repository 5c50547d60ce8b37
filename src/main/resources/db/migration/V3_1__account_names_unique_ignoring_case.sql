-- Account names are unique ignoring case and surrounding spaces: the key is lower(trim(name)), kept by the app.
alter table account add column name_key varchar(200);
update account set name_key = lower(trim(name));
alter table account alter column name_key set not null;
create unique index ux_account_name_key on account (name_key);
