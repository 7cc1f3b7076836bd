-- Where outcomes come from and every run that fetched them.
create table source (
    id               integer generated always as identity primary key,
    name             text not null unique check (length(trim(name)) > 0),
    kind             text not null check (kind in ('kolada', 'pxweb', 'file')),
    -- Hangfire cron, interpreted in time_zone.
    cron             text not null check (length(trim(cron)) > 0),
    full_refresh_cron text,
    time_zone        text not null default 'Europe/Stockholm',
    enabled          boolean not null default true,
    -- Type-specific settings (KPI ids, table id and selection, file mapping); never secrets.
    settings         jsonb not null default '{}'::jsonb,
    -- API keys and passwords, encrypted by the application before they reach the database.
    secret_encrypted bytea,
    is_demo          boolean not null default false,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create table source_indicator (
    source_id     integer not null references source (id) on delete cascade,
    indicator_id  integer not null references indicator (id) on delete cascade,
    primary key (source_id, indicator_id)
);

create table ingestion_run (
    id               bigint generated always as identity primary key,
    -- Null for runs that loaded data without a configured source (the demo plan's first load).
    source_id        integer references source (id) on delete set null,
    hangfire_job_id  text,
    trigger          text not null check (trigger in ('scheduled', 'manual', 'retry', 'preview', 'demo')),
    status           text not null check (status in ('running', 'succeeded', 'succeeded_with_warnings', 'failed')),
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    rows_read        integer not null default 0 check (rows_read >= 0),
    rows_done        integer not null default 0 check (rows_done >= 0),
    inserted         integer not null default 0 check (inserted >= 0),
    updated          integer not null default 0 check (updated >= 0),
    unchanged        integer not null default 0 check (unchanged >= 0),
    retracted        integer not null default 0 check (retracted >= 0),
    rejected         integer not null default 0 check (rejected >= 0),
    message          text,
    -- The first rejected rows and warnings: [{row, column, reason}].
    problems         jsonb not null default '[]'::jsonb,
    check (finished_at is null or finished_at >= started_at),
    check ((status = 'running') = (finished_at is null))
);
create index ingestion_run_source_started on ingestion_run (source_id, started_at desc);
