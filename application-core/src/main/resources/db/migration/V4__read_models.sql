-- Read models fed by tracking event processors; each can be dropped and rebuilt by replaying the events.

-- The applicant's view of an application: the form as submitted, status, providers, voucher, rejection, timeline.
create table application_view (
    id              uuid primary key,
    tracking_code   varchar(32)  not null,
    applicant_id    varchar(64)  not null,
    enterprise_mb   varchar(8)   not null,
    enterprise_name varchar(300) not null,
    status          varchar(32)  not null,
    call_id         uuid         not null,
    submitted_at    timestamptz  not null,
    updated_at      timestamptz  not null,
    doc             jsonb        not null
);
create index application_view_applicant on application_view (applicant_id, submitted_at desc);
create index application_view_status on application_view (status, submitted_at desc);
create index application_view_mb on application_view (enterprise_mb);

-- What the Kafka publisher needs to know about an application beyond the event itself.
create table publisher_application (
    application_id uuid primary key,
    enterprise_mb  varchar(8) not null
);
