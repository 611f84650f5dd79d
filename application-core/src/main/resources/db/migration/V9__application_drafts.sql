-- Drafts of applications being filled in the portal: the applicant's own, free-form (a draft may be incomplete or
-- wrong), deleted once submitted or after its call closes. Not business data: no event is written for them.
create table application_draft (
    id           uuid primary key,
    applicant_id varchar(64)  not null,
    call_id      uuid         not null references scheme_call (id),
    form         jsonb        not null,
    step         smallint     not null default 1 check (step between 1 and 7),
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);
create index application_draft_applicant on application_draft (applicant_id, updated_at desc);
