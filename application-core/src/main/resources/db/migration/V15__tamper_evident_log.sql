-- The tamper-evident log (docs/adr/0030; the format is log-verifier's LogFormat). Every event of the store gets a
-- link, in the order a single sealer finds them committed (not the global index's: a transaction that commits late
-- is sealed late, and the gaps of rolled-back ones are never sealed): its position, the event's SHA-256 over its
-- stored bytes, and the chain's hash up to it. No foreign key on purpose: a deleted event must show as missing.
create table log_chain (
    position     bigint      primary key,
    global_index bigint      not null unique,
    event_hash   bytea       not null,
    chain_hash   bytea       not null,
    sealed_at    timestamptz not null default now()
);

-- The public keys that sign heads, kept so that an export or a dump names them (an auditor trusts the published one).
create table log_key (
    key_id     varchar(16) primary key,
    public_key text        not null,
    created_at timestamptz not null default now()
);

-- The signed heads: each day's (requested_by null) and any an ADMIN asks for (before an export, say).
create table log_head (
    position     bigint       primary key,
    events       bigint       not null,
    chain_hash   bytea        not null,
    signed_at    timestamptz  not null,
    key_id       varchar(16)  not null references log_key (key_id),
    signature    bytea        not null,
    requested_by varchar(255)
);
