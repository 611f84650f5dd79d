-- Issue 10: verified e-mail, disabled accounts, token versions, refresh tokens, throttling state, the account
-- events' outbox, open-application slots and L3 fixed only on approval.

alter table account add column email_verified_at timestamptz;
alter table account add column disabled_at timestamptz;
-- every access token carries the version it was issued at; a disable or password change raises it
alter table account add column token_version integer not null default 1;
alter table account add column password_changed_at timestamptz;
-- accounts that existed before verification was required keep working
update account set email_verified_at = created_at;

-- Refresh tokens: only a hash is stored. Each use rotates the token within its family; presenting a used one
-- (a stolen copy) revokes the whole family.
create table refresh_token (
    token_hash  bytea primary key,
    family_id   uuid        not null,
    account_id  uuid        not null references account (id),
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index refresh_token_account on refresh_token (account_id) where revoked_at is null;
create index refresh_token_family on refresh_token (family_id);

-- E-mail verification links: only a hash of the link's secret is stored.
create table email_verification (
    token_hash bytea primary key,
    account_id uuid         not null references account (id),
    email      varchar(254) not null,
    expires_at timestamptz  not null,
    used_at    timestamptz
);
create index email_verification_account on email_verification (account_id);

-- Account events (verification links, locks, revocations) wait here until Kafka has them.
create table account_outbox (
    id           bigserial primary key,
    event_id     uuid         not null unique,
    account_id   uuid         not null,
    body         jsonb        not null,
    created_at   timestamptz  not null,
    published_at timestamptz
);
create index account_outbox_pending on account_outbox (id) where published_at is null;

-- Bucket4j's buckets (throttling), shared by every instance of core.
create table throttle_bucket (
    id         varchar(300) primary key,
    state      bytea,
    expires_at bigint
);
create index throttle_bucket_expiry on throttle_bucket (expires_at);

-- Open applications per account (the cap), claimed in the submission's transaction like L1.
create table applicant_slot (
    application_id uuid primary key,
    applicant_id   varchar(64) not null,
    claimed_at     timestamptz not null
);
create index applicant_slot_applicant on applicant_slot (applicant_id);
insert into applicant_slot (application_id, applicant_id, claimed_at)
select id, applicant_id, submitted_at from application_view
where status not in ('REJECTED', 'WITHDRAWN', 'COMPLETED', 'EXPIRED');

-- L3: an applicant's MB is fixed as a beneficiary only once its voucher is approved; until then the row only
-- reserves it, and a rejection or withdrawal deletes it. Existing rows are fixed when their voucher was approved
-- (or nothing is known of them).
alter table enterprise_role add column fixed_at timestamptz;
update enterprise_role r set fixed_at = now() where r.role = 'BENEFICIARY'
    and (exists (select 1 from application_view v where v.enterprise_mb = r.mb
                 and v.status in ('APPROVED', 'COMPLETION_REPORTED', 'COMPLETED', 'EXPIRED'))
         or not exists (select 1 from application_view v where v.enterprise_mb = r.mb));
delete from enterprise_role r where r.role = 'BENEFICIARY' and r.fixed_at is null
    and not exists (select 1 from enterprise_claim c where c.mb = r.mb);
