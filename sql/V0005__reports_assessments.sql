-- Report periods (delårsrapport jan–aug, årsrapport) and the committees' assessments.
create table report_period (
    id               integer generated always as identity primary key,
    plan_version_id  integer not null references plan_version (id) on delete cascade,
    year             smallint not null,
    kind             text not null check (kind in ('interim', 'annual')),
    state            text not null default 'open' check (state in ('open', 'under_review', 'finalised')),
    finalised_at     timestamptz,
    finalised_by     text,
    -- What the committee saw and decided, frozen when finalised.
    snapshot         jsonb,
    unique (plan_version_id, year, kind),
    check ((state = 'finalised') = (finalised_at is not null))
);

-- A committee's judgement of a goal or an indicator for a report period.
create table assessment (
    id                integer generated always as identity primary key,
    report_period_id  integer not null references report_period (id) on delete cascade,
    committee_id      integer not null references committee (id),
    goal_id           integer references goal (id) on delete cascade,
    indicator_id      integer references indicator (id) on delete cascade,
    suggested         text check (suggested in ('met', 'partly_met', 'not_met', 'not_assessable')),
    suggested_explanation text,
    assessed          text check (assessed in ('met', 'partly_met', 'not_met', 'not_assessable')),
    motivation        text,
    analysis          text,
    actions           text,
    -- Optimistic concurrency: a save names the version it edited.
    version           integer not null default 1,
    updated_by        text,
    updated_at        timestamptz not null default now(),
    check ((goal_id is null) <> (indicator_id is null)),
    unique nulls not distinct (report_period_id, committee_id, goal_id, indicator_id)
);
