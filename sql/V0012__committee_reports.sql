-- Report periods and the committees' reports (issue 8). V0005's tables were never written by any release: they are
-- replaced by a shape where each nämnd's report moves on its own (open → under review → finalised) and freezes on its own.
drop table assessment;
drop table report_period;

-- A delårsrapport (jan–aug, with a forecast for the year's end) or an årsrapport of a plan version's year.
create table report_period (
    id               integer generated always as identity primary key,
    plan_version_id  integer not null references plan_version (id) on delete cascade,
    year             smallint not null check (year between 2000 and 2100),
    kind             text not null check (kind in ('interim', 'annual')),
    created_at       timestamptz not null default now(),
    created_by       text,
    unique (plan_version_id, year, kind)
);

-- One nämnd's report for a period. Finalising stores the snapshot: exactly what the committee saw and decided.
create table committee_report (
    report_period_id  integer not null references report_period (id) on delete cascade,
    committee_id      integer not null references committee (id),
    state             text not null default 'open' check (state in ('open', 'under_review', 'finalised')),
    submitted_at      timestamptz,
    submitted_by      text,
    finalised_at      timestamptz,
    finalised_by      text,
    snapshot          jsonb,
    -- Optimistic concurrency for state changes: a change names the version it saw.
    version           integer not null default 1,
    primary key (report_period_id, committee_id),
    check ((state = 'finalised') = (finalised_at is not null and snapshot is not null))
);

-- A finalised report is a decision: nothing may change it, whatever the application does.
create function committee_report_frozen() returns trigger language plpgsql as $$
begin
    if old.state = 'finalised' then
        raise exception 'committee_report (%, %) is finalised and cannot change', old.report_period_id, old.committee_id
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger committee_report_frozen before update on committee_report
    for each row execute function committee_report_frozen();

-- The committee's judgement of one of its goals: its own assessment (the suggestion is computed, and kept in the
-- snapshot), the motivation, analysis and planned actions. Each text field is merged on save: see AssessmentStore.
create table goal_assessment (
    report_period_id  integer not null,
    committee_id      integer not null,
    goal_id           integer not null references goal (id) on delete cascade,
    assessed          text check (assessed in ('met', 'partly_met', 'not_met', 'not_assessable')),
    motivation        text not null default '',
    analysis          text not null default '',
    actions           text not null default '',
    version           integer not null default 1,
    updated_by        text,
    updated_at        timestamptz not null default now(),
    primary key (report_period_id, goal_id),
    foreign key (report_period_id, committee_id) references committee_report (report_period_id, committee_id) on delete cascade
);

-- The committee's comment on one indicator in the period.
create table indicator_comment (
    report_period_id  integer not null,
    committee_id      integer not null,
    indicator_id      integer not null references indicator (id) on delete cascade,
    comment           text not null default '',
    version           integer not null default 1,
    updated_by        text,
    updated_at        timestamptz not null default now(),
    primary key (report_period_id, committee_id, indicator_id),
    foreign key (report_period_id, committee_id) references committee_report (report_period_id, committee_id) on delete cascade
);
