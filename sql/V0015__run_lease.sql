-- A running run's lease: the process running it renews lease_until every few seconds (its heartbeat). A run still
-- 'running' whose lease has run out, and whose source's advisory lock nobody holds, belongs to a process that died or
-- lost its database; every Web and Worker process sweeps such runs to 'failed' (README, "Ingestion").
-- Null for runs recorded before leases existed, and for runs that are not running.
alter table ingestion_run add column lease_until timestamptz;

-- The sweep looks only at running runs; there are few of them at any time.
create index ingestion_run_running on ingestion_run (lease_until) where status = 'running';
