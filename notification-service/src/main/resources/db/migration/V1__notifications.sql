-- Notifications: one row per event that matters to an applicant; the event id is unique, so a redelivered
-- event can never make a second mail (the row and the event id commit together).

create table recipient (
    application_id uuid primary key,
    applicant_id   varchar(64),
    email          varchar(254) not null,
    language       varchar(2)   not null,
    contact_name   varchar(200),
    tracking_code  varchar(32)  not null
);

create table notification (
    id              uuid primary key,
    event_id        uuid         not null unique,
    application_id  uuid         not null,
    applicant_id    varchar(64),
    kind            varchar(40)  not null,
    recipient       varchar(254) not null,
    language        varchar(2)   not null,
    subject         varchar(300) not null,
    body            text         not null,
    created_at      timestamptz  not null,
    status          varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'SENT')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    sent_at         timestamptz,
    last_error      varchar(500)
);
create index notification_outbox on notification (next_attempt_at) where status = 'PENDING';
create index notification_feed on notification (applicant_id, created_at desc);

create table processed_event (
    event_id     uuid primary key,
    processed_at timestamptz not null
);

-- Approved vouchers' deadlines, for the reminder before the deadline.
create table voucher_deadline (
    application_id uuid primary key,
    valid_until    date    not null,
    reminded       boolean not null default false
);
