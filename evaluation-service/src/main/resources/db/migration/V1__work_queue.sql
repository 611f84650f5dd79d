-- The evaluators' work queue, built from gv.application.events.

create table work_item (
    application_id  uuid primary key,
    tracking_code   varchar(32)  not null,
    enterprise_name varchar(300) not null,
    enterprise_mb   varchar(8)   not null,
    applicant_email varchar(254),
    status          varchar(32)  not null,           -- core's status after the last applied event
    stage           varchar(32),                     -- null: nothing for an evaluator to do
    enqueued_at     timestamptz,
    assignee        varchar(64),
    assignee_name   varchar(200),
    claimed_at      timestamptz,
    auto_checks     jsonb        not null default '[]',
    application     jsonb        not null,           -- the application as submitted
    providers       jsonb        not null default '[]',
    last_sequence   bigint       not null,           -- per-application order of applied events
    pending_decision uuid,                           -- a decision taken here and not yet applied by core
    last_refusal    jsonb,                           -- a decision core could not apply, with its reason
    updated_at      timestamptz  not null,
    queued_at       timestamptz  not null default clock_timestamp()  -- when the item reached this queue (latency)
);
create index work_item_queue on work_item (stage, enqueued_at) where stage is not null;
create index work_item_assignee on work_item (assignee) where assignee is not null;

-- Consumers are idempotent: an event id is recorded in the same transaction as its effect.
create table processed_event (
    event_id     uuid primary key,
    processed_at timestamptz not null
);

create table decision (
    decision_id     uuid primary key,
    application_id  uuid         not null,
    stage           varchar(32)  not null,
    kind            varchar(32)  not null,
    body            jsonb        not null,
    decided_by      varchar(64)  not null,
    decided_by_name varchar(200),
    decided_at      timestamptz  not null,
    outcome         varchar(16)  not null default 'PENDING' check (outcome in ('PENDING', 'APPLIED', 'REFUSED')),
    refusal_reason  varchar(1000),
    published_at    timestamptz                      -- null: still to be sent to Kafka (this table is the outbox)
);
create index decision_outbox on decision (decided_at) where published_at is null;
create index decision_application on decision (application_id, decided_at);
