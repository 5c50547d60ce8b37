-- Salesforce Data Loader import/export: each record keeps its Salesforce Id as an external id (18-character form),
-- so importing the same file twice changes nothing and an export can be upserted back into Salesforce.
alter table account add column sf_id varchar(18);
create unique index ux_account_sf_id on account (sf_id);
alter table contact add column sf_id varchar(18);
create unique index ux_contact_sf_id on contact (sf_id);
alter table subscription add column sf_id varchar(18);
create unique index ux_subscription_sf_id on subscription (sf_id);
alter table opportunity add column sf_id varchar(18);
create unique index ux_opportunity_sf_id on opportunity (sf_id);

-- Salesforce keeps a contact's first and last name apart; kept here so an export gives them back as they came.
alter table contact add column first_name varchar(200);
alter table contact add column last_name varchar(200);
