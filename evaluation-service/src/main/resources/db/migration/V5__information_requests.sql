-- D3: an item waits for the applicant's reply until a date, out of the active queue, still claimed by the evaluator
-- who asked; each request and its reply (or expiry) is kept for the console, oldest first.
alter table work_item add column waiting_until date;
alter table work_item add column information jsonb not null default '[]';
-- the call's money rules, so that the auto-checks can be computed again when a reply changes the figures
alter table work_item add column money_rules jsonb;
create index work_item_waiting on work_item (waiting_until) where waiting_until is not null;
