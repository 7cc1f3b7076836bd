-- Åtgärdsplaner (issue 20): a nämnd's economic action plan, as in HSN's verksamhetsplan (seed 003 §4.2.2–4.2.3). Per
-- year the economic frame, the result the year starts from and the effect the åtgärder must give (the "Uppdrag" row);
-- åtgärder by area with their planned effect per year; per report period each åtgärd's realised effect and forecast.

create table action_plan (
    id               integer generated always as identity primary key,
    plan_version_id  integer not null references plan_version (id) on delete cascade,
    committee_id     integer not null references committee (id),
    name             text not null check (length(trim(name)) between 1 and 200),
    description      text check (length(description) <= 4000),
    -- The amounts' unit as the plan writes it: mnkr unless told.
    unit             text not null default 'mnkr' check (length(trim(unit)) between 1 and 20),
    is_example       boolean not null default false,
    sort_order       integer not null default 0,
    created_at       timestamptz not null default now(),
    unique (plan_version_id, committee_id, name)
);

-- One year of the plan: Ekonomisk ram, Utgångspunkt/resultat and the required effect (Åtgärder handlingsplan /
-- Uppdrag). The deficit after the year (Underskott) is starting_result + required_effect, computed, never stored.
create table action_plan_year (
    action_plan_id   integer not null references action_plan (id) on delete cascade,
    year             smallint not null check (year between 2000 and 2100),
    frame            numeric,
    starting_result  numeric,
    required_effect  numeric,
    primary key (action_plan_id, year)
);

-- An åtgärd (åtgärdsområde), e.g. "Hyroberonde vård" (the seed's spelling).
create table action_measure (
    id              integer generated always as identity primary key,
    action_plan_id  integer not null references action_plan (id) on delete cascade,
    name            text not null check (length(trim(name)) between 1 and 200),
    description     text check (length(description) <= 4000),
    sort_order      integer not null default 0,
    unique (action_plan_id, name)
);

-- Its planned effect in a year (Budget 2025 …); a year without a row has no planned effect.
create table action_measure_effect (
    measure_id  integer not null references action_measure (id) on delete cascade,
    year        smallint not null check (year between 2000 and 2100),
    planned     numeric not null,
    primary key (measure_id, year)
);

-- The nämnd's follow-up of one åtgärd in a report period (the period's year): the effect realised so far and the
-- forecast for the whole year. Written in, and frozen with, the nämnd's report; committee_id is the plan's nämnd.
create table action_measure_follow_up (
    measure_id        integer not null references action_measure (id) on delete cascade,
    report_period_id  integer not null,
    committee_id      integer not null,
    realised          numeric,
    forecast          numeric,
    comment           text not null default '' check (length(comment) <= 8000),
    is_example        boolean not null default false,
    version           integer not null default 1,
    updated_by        text,
    updated_at        timestamptz not null default now(),
    primary key (measure_id, report_period_id),
    foreign key (report_period_id, committee_id) references committee_report (report_period_id, committee_id) on delete cascade
);
