-- Adopted means adopted (issue 19): a fastställd version's målvärden, tolerances, directions and indicator links change
-- only by a revision (a new version with its own adoption record that becomes current from a date) or by a justering
-- with a reason, recorded here as the target's history.

-- The adoption record: who decided (Regionfullmäktige), under which § ("§ 87"; decided_on is the meeting date), from
-- which date the version is the plan's current one, and which adopted version a revision revises.
alter table plan_version
    add column decided_by          text check (decided_by is null or length(trim(decided_by)) > 0),
    add column decision_section    text check (decision_section is null or length(trim(decision_section)) > 0),
    add column current_from        date,
    add column revises_version_id  integer references plan_version (id) on delete set null,
    add check (revises_version_id is null or revises_version_id <> id);

-- One row per justering: a change to one målvärde, tolerance, direction or indicator link of an adopted version.
-- year and gender name the målvärde (null for a direction or link, which concern the indicator in the version);
-- before and after hold the changed field's values (null where the målvärde or link did not exist). Append-only
-- like the audit log: history is not edited.
create table target_adjustment (
    id               bigint generated always as identity primary key,
    plan_version_id  integer not null references plan_version (id) on delete cascade,
    indicator_id     integer not null references indicator (id) on delete cascade,
    year             smallint,
    gender           char(1) check (gender in ('T', 'K', 'M')),
    field            text not null check (field in ('target', 'value', 'band', 'tolerance', 'direction', 'link')),
    before           jsonb,
    after            jsonb,
    reason           text not null check (length(trim(reason)) > 0),
    user_name        text,
    adjusted_at      timestamptz not null default now()
);
create index target_adjustment_indicator on target_adjustment (indicator_id, plan_version_id, adjusted_at);

create function target_adjustment_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'Justeringar kan inte ändras eller tas bort (target_adjustment is append-only)';
end $$;

create trigger target_adjustment_append_only
    before update on target_adjustment
    for each row execute function target_adjustment_append_only();
