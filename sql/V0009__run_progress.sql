-- How far a run has come, written while it runs (outside its data transaction) so others can follow it live:
-- 'läser' while the source is read, 'skriver' while rows are written, 'klar' once the run has succeeded.
-- A failed run keeps the phase it failed in. Null for runs recorded before phases existed.
alter table ingestion_run add column phase text check (phase in ('läser', 'skriver', 'klar'));
-- When the progress columns (phase, rows_read, rows_done) were last written.
alter table ingestion_run add column progress_at timestamptz;
