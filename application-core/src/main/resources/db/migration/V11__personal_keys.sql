-- Each application's key for the personal fields of its events (docs/adr/0011). Kept beside the event store, never
-- in it: erasing a person deletes the key (key = null, erased_at set) and the fields sealed with it cannot be read
-- again anywhere. The row stays so that nothing is ever sealed again for an erased application.
create table personal_key (
    subject      varchar(64) primary key,   -- the application id
    applicant_id varchar(64),
    key          bytea,
    created_at   timestamptz not null,
    erased_at    timestamptz,
    check ((key is null) = (erased_at is not null))
);
create index personal_key_applicant on personal_key (applicant_id);

-- The one-time sealing of events written before personal fields were sealed: done once, then never again.
create table personal_sealing (
    id        smallint primary key check (id = 1),
    sealed    bigint      not null,
    done_at   timestamptz not null
);
