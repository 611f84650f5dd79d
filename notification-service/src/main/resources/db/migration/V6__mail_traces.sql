-- the trace of the event that asked for a mail: the mail is sent in it (docs/adr/0034); null before traces
alter table notification add column traceparent text;
