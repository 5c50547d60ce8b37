-- The tally of each portfolio health sweep (one portfolio-health-sweep process instance): counters move in the
-- transaction that wrote the batch's flags, so a rolled-back batch counts nothing and a retried one nothing twice.
create table health_sweep_run (
    id         varchar(64) primary key,
    accounts   integer     not null,
    evaluated  integer     not null,
    raised     integer     not null,
    resolved   integer     not null,
    created_at timestamp with time zone not null
);
