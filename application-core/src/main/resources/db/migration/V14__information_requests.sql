-- D3: the days an applicant has to answer a request for more information (calls made before it: the scheme's 14).
alter table scheme_call add column information_reply_days integer not null default 14
    check (information_reply_days between 1 and 90);

-- The reply-by date of each open request for more information, written with InformationRequested in the command's
-- transaction (the limits' subscribing group) and gone with the reply or the expiry. The reminder and the expiry are
-- taken "for update skip locked" and recorded in the same transaction as their event, so each happens exactly once
-- however many instances run and whenever one is killed.
create table information_deadline (
    application_id uuid primary key,
    request_id     uuid    not null,
    reply_by       date    not null,
    remind_on      date,               -- null: no reminder (asked less than four days before the date)
    reminded       boolean not null default false
);
create index information_deadline_reply_by on information_deadline (reply_by);
create index information_deadline_remind_on on information_deadline (remind_on) where not reminded;
