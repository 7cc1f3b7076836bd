-- Who or what started a run: its schedule, an upload with "Läs in filen direkt", a new file in the watched folder,
-- a person's "Kör nu" ('manual'), or "Försök igen" ('retry'). started_by is the user name of the person behind an
-- upload, a "Kör nu" or a retry (shown by user_display_name); null for what no person started.
alter table ingestion_run drop constraint ingestion_run_trigger_check;
alter table ingestion_run add constraint ingestion_run_trigger_check
    check (trigger in ('scheduled', 'manual', 'retry', 'upload', 'watched_folder', 'preview', 'demo'));
alter table ingestion_run add column started_by text;

-- What a run met on its way that its counts do not tell: each HTTP retry, 429 and 5xx with the wait it made. Written
-- outside the run's data transaction (as its progress is), so a run page shows them while the run goes on and a
-- failed run keeps them.
create table ingestion_run_event (
    id          bigint generated always as identity primary key,
    run_id      bigint not null references ingestion_run (id) on delete cascade,
    at          timestamptz not null default clock_timestamp(),
    kind        text not null check (kind in ('retry')),
    -- The HTTP status that was answered (429, 500 …), or null when there was no answer (timeout, connection refused).
    http_status integer,
    attempt     integer not null check (attempt >= 1),
    wait_ms     integer not null check (wait_ms >= 0),
    message     text not null
);
create index ingestion_run_event_run on ingestion_run_event (run_id, id);
