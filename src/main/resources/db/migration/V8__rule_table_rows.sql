-- Rule sets kept as tables: a version made from table rows keeps them (JSON) beside the DRL the template made of them.
-- Versions saved as raw DRL by rule developers have none.
alter table rule_set_version add column table_rows varchar(400000);
