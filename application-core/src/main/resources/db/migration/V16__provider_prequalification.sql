-- Providers' own accounts (PROVIDER), each acting for one provider of the list once linked (by an approved
-- pre-qualification, or by an ADMIN for one of the listed institutions).
alter table account drop constraint account_role_check;
alter table account add constraint account_role_check
    check (role in ('APPLICANT', 'PROVIDER', 'EVALUATOR', 'MANAGER', 'ADMIN'));
-- deferred: the approval links the account in its handler, and the provider row is written by the registry's
-- projection later in the same transaction
alter table account add column provider_code varchar(4) references provider (code) deferrable initially deferred;
create index account_provider_code on account (provider_code) where provider_code is not null;

-- P3 with L3: one pre-qualification per MB, claimed in the command's transaction together with the MB's PROVIDER
-- role (enterprise_role); a refusal frees both, an approval fixes the role for ever.
create table provider_application_claim (
    mb             varchar(8) primary key,
    application_id uuid       not null unique
);

-- The applications as the ADMIN's list and the organisation's page show them, written in the command's transaction.
create table provider_application (
    id            uuid primary key,
    account_id    uuid         not null,
    name          varchar(300) not null,
    mb            varchar(8)   not null,
    pib           varchar(9)   not null,
    kind          varchar(40)  not null,
    city          varchar(100) not null,
    expertise     text         not null,
    refs          text[]       not null,
    status        varchar(12)  not null check (status in ('SUBMITTED', 'APPROVED', 'REFUSED')),
    submitted_at  timestamptz  not null,
    decided_at    timestamptz,
    decided_by    varchar(255),
    provider_code varchar(4),
    rule_codes    text[],
    reason        text,
    note          text
);
create index provider_application_status on provider_application (status, submitted_at);
create index provider_application_account on provider_application (account_id);

-- A provider's vouchers: the applications that name its code among their providers.
create index application_view_providers on application_view using gin ((doc -> 'providers') jsonb_path_ops);
