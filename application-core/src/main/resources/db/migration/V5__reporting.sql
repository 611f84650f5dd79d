-- Reporting read model (the "reporting" tracking processor): one row per application with the moment it reached
-- each stage, plus its environmental indicators. Rebuilt from the events by a processor reset.

create table report_application (
    id                     uuid primary key,
    call_id                uuid         not null,
    region                 varchar(40)  not null,
    nace_section           varchar(1)   not null,
    status                 varchar(32)  not null,
    providers              varchar(4)[] not null,
    requested_eur          numeric(14, 2) not null,
    approved_eur           numeric(14, 2),
    paid_eur               numeric(14, 2),
    submitted_at           timestamptz  not null,
    screened_at            timestamptz,
    matched_at             timestamptz,
    approved_at            timestamptz,
    completion_reported_at timestamptz,
    completed_at           timestamptz,
    rejected_at            timestamptz,
    withdrawn_at           timestamptz,
    expired_at             timestamptz
);
create index report_application_submitted on report_application (submitted_at);
create index report_application_call on report_application (call_id);

create table report_indicator (
    application_id uuid          not null,
    indicator      varchar(40)   not null,
    unit           varchar(40)   not null,
    baseline       numeric(18, 4),
    target         numeric(18, 4),
    result         numeric(18, 4),
    primary key (application_id, indicator, unit)
);
