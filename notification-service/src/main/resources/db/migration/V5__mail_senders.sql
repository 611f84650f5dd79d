-- Each running instance of the notification service says every two seconds that it is alive, and a mail it marks
-- SENDING names it: a mail whose sender has stopped saying so goes back to the queue in seconds, not after a minute.
create table mail_sender (
    instance uuid primary key,
    seen_at  timestamptz not null
);
alter table notification add column sending_by uuid;
