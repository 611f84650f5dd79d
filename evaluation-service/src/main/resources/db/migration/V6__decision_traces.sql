-- the trace of the evaluator's request that made a decision, sent on as the Kafka record's traceparent header so that
-- core's command, its events and the mail that follows are in the same trace (docs/adr/0034); null before traces
alter table decision add column traceparent text;
