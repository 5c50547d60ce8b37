-- A table version made with a rule developer's own template keeps that template's text; null means rules/<name>.drt.
alter table rule_set_version add column template_text varchar(200000);
