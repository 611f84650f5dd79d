-- L4 for the money itself: the approved payment orders of a call, claimed in the approving command's transaction,
-- never past its budget (docs/adr/0032).
alter table scheme_call add column payments_eur numeric(14, 2) not null default 0;
alter table scheme_call add constraint call_payments_l4 check (payments_eur >= 0 and payments_eur <= budget_eur);

-- The providers' invoices and the payment orders as the pages read them, written in the command's transaction (the
-- limits' subscribing group). The events are the truth; these follow them.
create table voucher_invoice (
    id             uuid primary key,
    application_id uuid           not null,
    provider_code  varchar(4)     not null,
    service_index  int            not null,
    number         varchar(40)    not null,
    issued_on      date           not null,
    amount_eur     numeric(14, 2) not null,
    document_id    uuid           not null,
    sha256         varchar(64)    not null,
    submitted_by   varchar(64)    not null,
    submitted_at   timestamptz    not null,
    delivered_at   timestamptz,
    payment_id     uuid
);
create index voucher_invoice_application on voucher_invoice (application_id);
create index voucher_invoice_provider on voucher_invoice (provider_code);

create table payment_order (
    id             uuid primary key,
    application_id uuid           not null,
    provider_code  varchar(4)     not null,
    invoiced_eur   numeric(14, 2) not null,
    share_percent  numeric(5, 2)  not null,
    amount_eur     numeric(14, 2) not null,
    status         varchar(10)    not null check (status in ('PROPOSED', 'APPROVED', 'PAID', 'DECLINED')),
    proposed_by    varchar(64)    not null,
    proposed_at    timestamptz    not null,
    approved_by    varchar(64),
    approved_at    timestamptz,
    bank_reference varchar(60),
    paid_by        varchar(64),
    paid_at        timestamptz,
    declined_by    varchar(64),
    declined_at    timestamptz,
    decline_reason text
);
create index payment_order_application on payment_order (application_id);
create index payment_order_open on payment_order (status) where status in ('PROPOSED', 'APPROVED');

-- The report's money (the "reporting" tracking processor): one entry per event, so a redelivered event writes nothing
-- twice; approved for payment is APPROVED less RELEASED.
create table report_money (
    entry_id       uuid primary key,
    application_id uuid           not null,
    call_id        uuid           not null,
    provider_code  varchar(4)     not null,
    kind           varchar(10)    not null check (kind in ('INVOICED', 'APPROVED', 'RELEASED', 'PAID')),
    amount_eur     numeric(14, 2) not null,
    occurred_at    timestamptz    not null
);
create index report_money_call on report_money (call_id);

-- The publisher keeps each application's providers (requested, then matched), so that the approval's message names
-- the people to tell; a replay from the first event rebuilds it.
alter table publisher_application add column providers varchar(4)[];
