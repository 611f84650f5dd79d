-- The applicant view applies each event once: the position of the last event applied to the row. An event
-- delivered again (a segment that moved to another instance before its token was stored) changes nothing.
alter table application_view add column last_sequence bigint not null default 0;
