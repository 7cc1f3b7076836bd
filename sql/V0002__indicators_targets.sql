-- Indicators belong to an organisation, not to one plan version: an opposition proposal can reuse them,
-- and their outcomes outlive any plan.
create table indicator (
    id                  integer generated always as identity primary key,
    area_id             text not null references area (id),
    code                text not null check (length(trim(code)) > 0),
    name                text not null check (length(trim(name)) > 0),
    description         text,
    unit                text not null check (length(trim(unit)) > 0),
    decimals            smallint not null default 1 check (decimals between 0 and 6),
    direction           text not null check (direction in ('higher', 'lower', 'band')),
    frequency           text not null check (frequency in ('year', 'tertial', 'quarter', 'month')),
    -- How a part-year outcome meets an annual target: 'rate' compares as is, 'sum' pro-rates the target.
    aggregation         text not null default 'rate' check (aggregation in ('rate', 'sum')),
    gender_split        boolean not null default false,
    owner_committee_id  integer references committee (id),
    primary_area_id     text not null references area (id),
    tolerance           numeric check (tolerance >= 0),
    tolerance_kind      text check (tolerance_kind in ('absolute', 'relative')),
    trend_min_difference numeric not null default 0 check (trend_min_difference >= 0),
    source_description  text,
    kpi_id              text,
    is_demo             boolean not null default false,
    created_at          timestamptz not null default now(),
    unique (area_id, code),
    check ((tolerance is null) = (tolerance_kind is null))
);

-- An indicator follows up one or more goals.
create table goal_indicator (
    goal_id       integer not null references goal (id) on delete cascade,
    indicator_id  integer not null references indicator (id) on delete cascade,
    sort_order    integer not null default 0,
    primary key (goal_id, indicator_id)
);

create table indicator_comparison_area (
    indicator_id  integer not null references indicator (id) on delete cascade,
    area_id       text not null references area (id),
    primary key (indicator_id, area_id)
);

-- Målvärden: per plan version, indicator and year of the plan, optionally per gender.
-- A band indicator has band_min and band_max; the others have value.
create table target (
    id               integer generated always as identity primary key,
    plan_version_id  integer not null references plan_version (id) on delete cascade,
    indicator_id     integer not null references indicator (id) on delete cascade,
    year             smallint not null,
    gender           char(1) check (gender in ('T', 'K', 'M')),
    value            numeric,
    band_min         numeric,
    band_max         numeric,
    tolerance        numeric check (tolerance >= 0),
    tolerance_kind   text check (tolerance_kind in ('absolute', 'relative')),
    provenance       text,
    is_example       boolean not null default false,
    unique nulls not distinct (plan_version_id, indicator_id, year, gender),
    check (value is not null or (band_min is not null and band_max is not null)),
    check (band_min is null or band_max is null or band_min <= band_max),
    check ((tolerance is null) = (tolerance_kind is null))
);

-- A target's year lies inside its plan's period. The period lives on plan, so a trigger checks it
-- (and a plan's period cannot shrink past its targets).
create function target_year_inside_plan() returns trigger language plpgsql as $$
declare
    p plan%rowtype;
begin
    select plan.* into p
    from plan join plan_version v on v.plan_id = plan.id
    where v.id = new.plan_version_id;
    if new.year < p.start_year or new.year > p.end_year then
        raise exception 'Målvärdets år % ligger utanför planens period %–% (target year outside plan period)',
            new.year, p.start_year, p.end_year
            using errcode = '23514', constraint = 'target_year_inside_plan';
    end if;
    return new;
end $$;

create trigger target_year_inside_plan
    before insert or update of year, plan_version_id on target
    for each row execute function target_year_inside_plan();

create function plan_period_covers_targets() returns trigger language plpgsql as $$
begin
    if exists (
        select 1 from target t join plan_version v on v.id = t.plan_version_id
        where v.plan_id = new.id and (t.year < new.start_year or t.year > new.end_year)) then
        raise exception 'Planens period %–% utesluter befintliga målvärden (plan period excludes existing targets)',
            new.start_year, new.end_year
            using errcode = '23514', constraint = 'target_year_inside_plan';
    end if;
    return new;
end $$;

create trigger plan_period_covers_targets
    before update of start_year, end_year on plan
    for each row execute function plan_period_covers_targets();
