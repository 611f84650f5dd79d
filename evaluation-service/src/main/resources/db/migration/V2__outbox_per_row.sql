-- The decision outbox fails per row: a decision Kafka keeps refusing backs off alone and the others flow.
alter table decision add column attempts integer not null default 0;
alter table decision add column next_attempt_at timestamptz;
alter table decision add column last_error varchar(1000);
-- an evaluator may withdraw a decision that stayed pending past the bound (PendingDecisions)
alter table decision drop constraint decision_outcome_check;
alter table decision add constraint decision_outcome_check check (outcome in ('PENDING', 'APPLIED', 'REFUSED', 'WITHDRAWN'));
drop index decision_outbox;
create index decision_outbox on decision (coalesce(next_attempt_at, decided_at)) where published_at is null;
