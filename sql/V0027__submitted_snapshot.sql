-- Frozen at submission (issue 19): a nämnd's report is judged and stored when it is sent for review. Under review it
-- reads these figures (what changed since shows as a revision notice), and finalising freezes them. A report sent for
-- review before this migration has none and reads today's figures until it is reopened or finalised.
alter table committee_report add column submitted_snapshot jsonb;

-- The figures a report was submitted with are written once, in the submission's transaction, and never changed; any way
-- back to a state where the report is written again (reopened, or returned by a reviewer) discards them, so the report
-- is live again. Finalised rows are guarded as a whole by committee_report_frozen.
create function committee_report_submitted() returns trigger language plpgsql as $$
begin
    if new.state not in ('under_review', 'finalised') then
        new.submitted_snapshot := null;
    elsif old.submitted_snapshot is not null and new.submitted_snapshot is distinct from old.submitted_snapshot then
        raise exception 'committee_report (%, %) was submitted, and the figures it was submitted with cannot change',
            old.report_period_id, old.committee_id
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger committee_report_submitted before update on committee_report
    for each row execute function committee_report_submitted();
