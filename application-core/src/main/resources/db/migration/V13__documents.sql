-- The documents the rules ask for (D1, D2; docs/adr/0028). Each file is sealed with the key of the application it
-- belongs to (personal_key, subject = the application id; a draft's documents use the draft's id, which the
-- application takes when it is submitted), so erasing the key leaves bytes nobody can open. A draft's documents go
-- with the draft; once submitted, draft_id is cleared and they stay for good, as the events that name them do.
create table application_document (
    id           uuid primary key,
    subject      uuid         not null,    -- the application, or the draft that becomes it
    draft_id     uuid references application_draft (id) on delete cascade,
    applicant_id varchar(64)  not null,
    kind         varchar(32)  not null,
    provider_code varchar(8),
    file_name    text         not null,    -- sealed
    media_type   varchar(128) not null,    -- detected from the bytes
    inline_safe  boolean      not null,    -- may be shown in the browser (a PDF without scripts, PNG, JPEG)
    size_bytes   integer      not null check (size_bytes > 0),
    sha256       char(64)     not null,
    content      bytea        not null,    -- sealed: nonce || AES-256-GCM ciphertext
    uploaded_by  varchar(64)  not null,
    uploaded_at  timestamptz  not null
);
-- TOAST would try to compress the sealed bytes, which do not compress
alter table application_document alter column content set storage external;
create index application_document_subject on application_document (subject, uploaded_at);
create index application_document_draft on application_document (draft_id) where draft_id is not null;

-- D1 and D2: the kinds a call requires; calls made before documents existed require none
alter table scheme_call add column required_documents varchar(32)[] not null default '{}';
