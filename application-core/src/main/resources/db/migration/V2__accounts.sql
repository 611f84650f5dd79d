create table account (
    id                 uuid primary key,
    username           varchar(254) not null,
    password_hash      varchar(100) not null,
    full_name          varchar(200) not null,
    role               varchar(20)  not null check (role in ('APPLICANT', 'EVALUATOR', 'MANAGER', 'ADMIN')),
    email              varchar(254),
    preferred_language varchar(2)   not null check (preferred_language in ('sr', 'en')),
    created_at         timestamptz  not null
);
create unique index account_username_unique on account (lower(username));
create index account_role on account (role);
