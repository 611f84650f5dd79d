-- The set-based limits (docs/adr/0003). Every row here is written in the same transaction as the event that
-- causes it, either by the command handler or by the subscribing "limits" event processor, so they are never
-- behind the event store and a race is decided by PostgreSQL's unique keys and row locks.

-- Calls; L4 lives in committed_eur, which can never pass budget_eur.
create table scheme_call (
    id                          uuid primary key,
    name                        varchar(200)  not null,
    opens_on                    date          not null,
    closes_on                   date          not null,
    budget_eur                  numeric(14, 2) not null check (budget_eur > 0),
    committed_eur               numeric(14, 2) not null default 0,
    max_voucher_eur             numeric(12, 2) not null,
    max_share_percent           numeric(5, 2)  not null,
    completion_months           integer        not null,
    min_service_cost_eur        numeric(12, 2) not null,
    max_equipment_share_percent numeric(5, 2)  not null,
    created_at                  timestamptz    not null,
    constraint call_dates check (closes_on >= opens_on),
    constraint call_budget_l4 check (committed_eur >= 0 and committed_eur <= budget_eur),
    -- a submission belongs to the one call open on its day
    constraint calls_do_not_overlap exclude using gist (daterange(opens_on, closes_on, '[]') with &&)
);

-- The eligible providers (P1); mb is set for pre-qualified enterprises (P3).
create table provider (
    code         varchar(4)   primary key,
    name         varchar(300) not null,
    kind         varchar(40)  not null,
    city         varchar(100),
    mb           varchar(8) unique,
    active       boolean      not null,
    initial_list boolean      not null,
    qualified_at timestamptz  not null
);

-- L3: an MB is a provider or a beneficiary, never both, for ever.
create table enterprise_role (
    mb    varchar(8) primary key,
    role  varchar(12) not null check (role in ('PROVIDER', 'BENEFICIARY'))
);

-- L1: while a row exists, the enterprise holds its one voucher (application in progress, approved or completed).
create table enterprise_claim (
    mb             varchar(8) primary key,
    application_id uuid        not null unique,
    claimed_at     timestamptz not null
);

-- Persistent deadlines of approved vouchers: expiry survives restarts and runs on any one instance.
create table voucher_deadline (
    application_id uuid primary key,
    valid_until    date not null
);
create index voucher_deadline_due on voucher_deadline (valid_until);

create sequence tracking_code_seq;
