-- Rejections by stage and rule code for the managers' dashboard (issue 12).
alter table report_application add column rejected_stage varchar(32);
alter table report_application add column rejection_rules varchar(4)[] not null default '{}';

-- The new columns are filled from the events: the reporting projection starts again from the first event
-- (its processor finds no token and starts at the tail, Axon's default; every write of it is idempotent).
delete from token_entry where processor_name = 'reporting';
delete from report_indicator;
delete from report_application;
