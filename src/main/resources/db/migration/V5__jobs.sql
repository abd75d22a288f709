-- Asynchronous jobs: any computation endpoint run in the background. The table is the queue: a replica with a
-- free job slot claims the oldest queued job (FOR UPDATE SKIP LOCKED), so a queued job belongs to no replica
-- and survives any of them. A running job has an owner replica that renews heartbeat_at; a job whose heartbeat
-- is older than the lease (its replica died) is queued again while attempts < the configured maximum, else
-- failed with a problem saying why (see JobStore.recoverStale).
create table job (
    id               uuid primary key,
    operation        varchar(200) not null,
    status           varchar(16) not null check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    body             bytea,
    body_type        varchar(200) not null,
    body_sha256      varchar(64) not null,
    progress_unit    varchar(50),
    progress_done    bigint not null default 0,
    progress_total   bigint not null default 0,
    result           text,
    result_type      varchar(200),
    problem          text,
    cancel_requested boolean not null default false,
    attempts         integer not null default 0,
    owner            varchar(200),
    heartbeat_at     timestamptz,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    expires_at       timestamptz
);

create index job_queued on job (created_at) where status = 'queued';
create index job_running on job (heartbeat_at) where status = 'running';
create index job_expires on job (expires_at) where expires_at is not null;
