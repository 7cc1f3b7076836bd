-- Files a file source reads: uploads (content kept here until and after they are read) and files from the watched
-- folder (content stays on disk; the row records that this content was read, by its hash).
create table source_file (
    id               bigint generated always as identity primary key,
    source_id        integer not null references source (id) on delete cascade,
    origin           text not null check (origin in ('upload', 'folder')),
    file_name        text not null check (length(trim(file_name)) > 0),
    -- Uploads only: the file as uploaded. Folder files are read from disk.
    content          bytea,
    sha256           bytea not null check (length(sha256) = 32),
    size             bigint not null check (size >= 0),
    uploaded_by      text,
    uploaded_at      timestamptz not null default now(),
    -- Set in the same transaction as the run's observations: a failed run leaves the file pending.
    ingested_run_id  bigint references ingestion_run (id) on delete set null,
    ingested_at      timestamptz,
    check ((origin = 'upload') = (content is not null)),
    check (origin = 'upload' or ingested_at is not null)
);
create index source_file_pending on source_file (source_id, uploaded_at) where ingested_at is null;
create index source_file_hash on source_file (source_id, sha256);
