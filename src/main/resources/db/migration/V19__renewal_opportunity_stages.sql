-- A renewal opportunity moves through the stages as its renewal moves through its steps: which step means which
-- stage is a table the team keeps, and the stage table says what probability and forecast category a renewal in
-- that stage carries (renewals close more often than new deals in the same stage).
create table renewal_step (
    step  varchar(64) primary key,
    stage varchar(30) not null
);
insert into renewal_step (step, stage) values ('OPENED', 'DISCOVER');
insert into renewal_step (step, stage) values ('Task_PrepareRenewalPlan', 'DISCOVER');
insert into renewal_step (step, stage) values ('Task_ExecutiveCheckIn', 'SOLUTION_DEVELOPMENT');
insert into renewal_step (step, stage) values ('Task_PrepareQuote', 'PROPOSAL');
insert into renewal_step (step, stage) values ('Task_ApproveDiscount', 'PROPOSAL');
insert into renewal_step (step, stage) values ('Task_Negotiate', 'NEGOTIATION');

alter table stage_forecast add column renewal_probability integer;
alter table stage_forecast add column renewal_forecast_category varchar(20);
update stage_forecast set renewal_probability = 60, renewal_forecast_category = 'BEST_CASE' where stage = 'QUALIFY';
update stage_forecast set renewal_probability = 70, renewal_forecast_category = 'COMMIT' where stage = 'DISCOVER';
update stage_forecast set renewal_probability = 75, renewal_forecast_category = 'COMMIT' where stage = 'SOLUTION_DEVELOPMENT';
update stage_forecast set renewal_probability = 80, renewal_forecast_category = 'COMMIT' where stage = 'PROPOSAL';
update stage_forecast set renewal_probability = 90, renewal_forecast_category = 'COMMIT' where stage = 'NEGOTIATION';
update stage_forecast set renewal_probability = 100, renewal_forecast_category = 'CLOSED' where stage = 'CLOSED_WON';
update stage_forecast set renewal_probability = 0, renewal_forecast_category = 'OMITTED' where stage = 'CLOSED_LOST';
