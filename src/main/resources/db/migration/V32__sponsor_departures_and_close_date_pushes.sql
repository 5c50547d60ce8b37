-- A contact who left the customer keeps her history but no longer counts as the account's sponsor or champion;
-- the health rules see an executive sponsor who left with no replacement.
alter table contact add column left_at timestamp with time zone;

-- An open deal's close date moved later: counted, with the date it first had, so the health rules see a deal
-- whose close date slipped twice or more.
alter table opportunity add column close_date_pushes integer default 0 not null;
alter table opportunity add column first_close_date date;
