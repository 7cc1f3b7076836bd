-- Nämndplaner (issue 20): a nämnd's own plan under a regionplan version (HSN's "Verksamhetsplan 2025 (2026–2027)"),
-- whose delmål each break down one of the regionplan's mål, with their own indicators and målvärden.

-- A nämnd's plan belongs to one regionplan version and covers years inside that plan's period (checked by the editor and
-- plan import). The adoption record (decided_by, decided_on, decision_section) is optional: a plan still being written
-- has none.
create table committee_plan (
    id                integer generated always as identity primary key,
    plan_version_id   integer not null references plan_version (id) on delete cascade,
    committee_id      integer not null references committee (id),
    name              text not null check (length(trim(name)) between 1 and 200),
    start_year        smallint not null check (start_year between 2000 and 2100),
    end_year          smallint not null,
    decided_by        text check (decided_by is null or length(trim(decided_by)) between 1 and 200),
    decided_on        date,
    decision_section  text check (decision_section is null or length(trim(decision_section)) between 1 and 100),
    created_at        timestamptz not null default now(),
    unique (plan_version_id, committee_id, name),
    -- The målvärden of the plan name it with its version (below), so the two cannot disagree.
    unique (id, plan_version_id),
    check (end_year between start_year and start_year + 15)
);
create index committee_plan_committee on committee_plan (committee_id);

-- A delmål: the nämnd's own goal under one of the regionplan's mål (of the same version; the writer checks).
create table sub_goal (
    id                 integer generated always as identity primary key,
    committee_plan_id  integer not null references committee_plan (id) on delete cascade,
    goal_id            integer not null references goal (id) on delete cascade,
    code               text not null check (code ~ '^[0-9A-Za-zÅÄÖåäö._-]{1,20}$'),
    name               text not null check (length(trim(name)) between 1 and 300),
    description        text check (description is null or length(description) <= 4000),
    sort_order         integer not null default 0,
    unique (committee_plan_id, code)
);
create index sub_goal_goal on sub_goal (goal_id);

-- The indicators that follow up a delmål (the organisation's indicators, reused).
create table sub_goal_indicator (
    sub_goal_id   integer not null references sub_goal (id) on delete cascade,
    indicator_id  integer not null references indicator (id) on delete cascade,
    sort_order    integer not null default 0,
    primary key (sub_goal_id, indicator_id)
);
create index sub_goal_indicator_indicator on sub_goal_indicator (indicator_id);

-- A delmål's målvärde is a target row like the regionplan's, told apart by committee_plan_id: null for the regionplan
-- version's own målvärde, the nämndplan's id for the nämnd's. Both can exist for the same indicator, year and gender
-- (the regionplan's riktvärde and the nämnd's stricter one); each plan has at most one.
--
-- The rows live in target_value; "target" stays the name of the regionplan's målvärden as a view of the rows without a
-- nämndplan. Every existing query, writer and constraint test reads and writes "target" unchanged (the view is simple,
-- so PostgreSQL updates through it), and can never mistake a nämnd's målvärde for the regionplan's. The nämndplan's
-- målvärden are read and written through target_value by the nämndplan code only.
alter table target rename to target_value;
alter table target_value add column committee_plan_id integer;
alter table target_value
    add constraint target_value_committee_plan_fkey foreign key (committee_plan_id, plan_version_id)
        references committee_plan (id, plan_version_id) on delete cascade;
alter table target_value drop constraint target_plan_version_id_indicator_id_year_gender_key;
alter table target_value
    add constraint target_value_one_per_plan unique nulls not distinct (plan_version_id, committee_plan_id, indicator_id, year, gender);
create index target_value_committee_plan on target_value (committee_plan_id) where committee_plan_id is not null;

create view target as
    select id, plan_version_id, indicator_id, year, gender, value, band_min, band_max, tolerance, tolerance_kind, provenance, is_example
    from target_value
    where committee_plan_id is null;

-- A plan's period cannot shrink past any målvärde of its versions, the nämndplaner's included.
create or replace function plan_period_covers_targets() returns trigger language plpgsql as $$
begin
    if exists (
        select 1 from target_value t join plan_version v on v.id = t.plan_version_id
        where v.plan_id = new.id and (t.year < new.start_year or t.year > new.end_year)) then
        raise exception 'Planens period %–% utesluter befintliga målvärden (plan period excludes existing targets)',
            new.start_year, new.end_year
            using errcode = '23514', constraint = 'target_year_inside_plan';
    end if;
    return new;
end $$;

-- An uppdrag can serve a delmål instead of a regionplan mål (never both).
alter table assignment
    add column sub_goal_id integer references sub_goal (id) on delete set null,
    add constraint assignment_goal_or_sub_goal check (goal_id is null or sub_goal_id is null);
create index assignment_sub_goal on assignment (sub_goal_id);
