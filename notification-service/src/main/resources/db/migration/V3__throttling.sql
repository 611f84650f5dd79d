-- Bucket4j's buckets (throttling of anonymous requests), shared by every instance of the service.
create table throttle_bucket (
    id         varchar(300) primary key,
    state      bytea,
    expires_at bigint
);
create index throttle_bucket_expiry on throttle_bucket (expires_at);
