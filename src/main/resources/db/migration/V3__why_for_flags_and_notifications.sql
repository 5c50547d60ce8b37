-- Every flag and notification can say why it exists: the decision that raised it, and a sentence.
alter table risk_flag add column decision_id varchar(36);
alter table notification add column decision_id varchar(36);
alter table notification add column reason varchar(1000);
