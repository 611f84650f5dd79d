-- Axon's sequenced dead-letter queue (JdbcSequencedDeadLetterQueue, DeadLetterConfiguration): an event a tracking
-- processor cannot apply is parked here with its sequence (the application), and the segment goes on.
-- Column names are Axon's defaults, unquoted (PostgreSQL folds them to lower case on both sides).
create table dead_letter_entry (
    deadLetterIdentifier varchar(255) not null primary key,
    processingGroup      varchar(255) not null,
    sequenceIdentifier   varchar(255) not null,
    sequenceIndex        bigint       not null,
    messageType          varchar(255) not null,
    eventIdentifier      varchar(255) not null,
    timestamp            varchar(255) not null,
    payloadType          varchar(255) not null,
    payloadRevision      varchar(255),
    payload              bytea        not null,
    metaData             bytea,
    type                 varchar(255),
    aggregateIdentifier  varchar(255),
    sequenceNumber       bigint,
    tokenType            varchar(255),
    token                bytea,
    enqueuedAt           varchar(255) not null,
    lastTouched          varchar(255),
    processingStarted    varchar(255),
    causeType            varchar(255),
    causeMessage         text,
    diagnostics          bytea,
    constraint dead_letter_sequence_index unique (processingGroup, sequenceIdentifier, sequenceIndex)
);
create index dead_letter_group on dead_letter_entry (processingGroup);
create index dead_letter_sequence on dead_letter_entry (processingGroup, sequenceIdentifier);
