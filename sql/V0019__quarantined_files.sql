-- Quarantined files (issue 18): a file over its mapping's rejected-share rule no longer blocks its source. The run that
-- meets it fails naming it and records the quarantine here, outside the run's data transaction; later runs skip the
-- file until an analyst reads its approved rows anyway or discards it. Folder files are known by their hash, so a
-- quarantined or discarded folder file gets a row too and is not read again every night.
alter table source_file
    add column quarantined_at timestamptz,
    add column quarantine_run_id bigint references ingestion_run (id) on delete set null,
    -- The run's error line, as the run page shows it.
    add column quarantine_reason text,
    -- Every rejected row: [{row, column, value, reason}], texts bounded and printable (RunMessage.Sanitize).
    add column rejected_rows jsonb,
    -- The rows read in the file (accepted and rejected), for "1 av 5".
    add column rows_read integer,
    -- The indicators the file's rows name: the overview marks these, not every indicator of the source.
    add column indicator_ids integer[] not null default '{}',
    -- An analyst's decision on a quarantined file: read its approved rows anyway (the next run does, over the share
    -- rule for this file only), or discard it (never read).
    add column read_anyway_at timestamptz,
    add column read_anyway_by text,
    add column discarded_at timestamptz,
    add column discarded_by text,
    add constraint source_file_read_anyway_needs_quarantine check (read_anyway_at is null or quarantined_at is not null),
    add constraint source_file_decided_once check (read_anyway_at is null or discarded_at is null);

-- A folder file's row used to exist only once read; now a quarantined or discarded one has a row too.
do $$
declare
    name text;
begin
    select c.conname into name from pg_constraint c
    where c.conrelid = 'source_file'::regclass and c.contype = 'c'
      and pg_get_constraintdef(c.oid) like '%origin = ''upload''::text) OR (ingested_at IS NOT NULL)%';
    if name is not null then
        execute format('alter table source_file drop constraint %I', name);
    end if;
end $$;

alter table source_file add constraint source_file_folder_row_has_a_state
    check (origin = 'upload' or ingested_at is not null or quarantined_at is not null or discarded_at is not null);

-- The quarantined files of a source, for its page and the overview.
create index source_file_quarantined on source_file (source_id)
    where quarantined_at is not null and ingested_at is null and discarded_at is null;
