-- Uppdrag (issue 20): time-bound assignments that concretise a plan's mål, given by fullmäktige, regionstyrelsen or a
-- nämnd, to one or more nämnder or to a nämnd's förvaltning, and followed up by each receiver in every report period.

-- An uppdrag belongs to a plan version like the mål it serves. given_by_committee_id null means Regionfullmäktige;
-- otherwise the giving body is that committee (regionstyrelsen or a nämnd).
create table assignment (
    id                     integer generated always as identity primary key,
    plan_version_id        integer not null references plan_version (id) on delete cascade,
    code                   text not null check (code ~ '^[0-9A-Za-zÅÄÖåäö._-]{1,20}$'),
    text                   text not null check (length(trim(text)) between 1 and 4000),
    given_by_committee_id  integer references committee (id),
    goal_id                integer references goal (id) on delete set null,
    start_date             date,
    end_date               date,
    is_example             boolean not null default false,
    sort_order             integer not null default 0,
    created_at             timestamptz not null default now(),
    unique (plan_version_id, code),
    check (start_date is null or end_date is null or start_date <= end_date)
);
create index assignment_goal on assignment (goal_id);

-- Who carries out the uppdrag and follows it up: the nämnd itself ('committee') or its förvaltning ('administration':
-- an uppdrag a nämnd gives its own förvaltning, followed up by the nämnd in its report).
create table assignment_receiver (
    assignment_id  integer not null references assignment (id) on delete cascade,
    committee_id   integer not null references committee (id),
    level          text not null default 'committee' check (level in ('committee', 'administration')),
    sort_order     integer not null default 0,
    primary key (assignment_id, committee_id)
);
create index assignment_receiver_committee on assignment_receiver (committee_id);

-- Indicators that show how the uppdrag goes (optional).
create table assignment_indicator (
    assignment_id  integer not null references assignment (id) on delete cascade,
    indicator_id   integer not null references indicator (id) on delete cascade,
    sort_order     integer not null default 0,
    primary key (assignment_id, indicator_id)
);

-- One receiver's follow-up of the uppdrag in one report period, written in (and frozen with) its nämnd's report.
-- expected_completion is the receiver's forecast of when it will be done (the delårsrapport's prognos).
create table assignment_follow_up (
    assignment_id        integer not null,
    committee_id         integer not null,
    report_period_id     integer not null,
    status               text not null check (status in
                             ('not_started', 'in_progress', 'done', 'partly_done', 'not_done', 'cancelled')),
    comment              text not null default '' check (length(comment) <= 8000),
    expected_completion  date,
    is_example           boolean not null default false,
    version              integer not null default 1,
    updated_by           text,
    updated_at           timestamptz not null default now(),
    primary key (assignment_id, committee_id, report_period_id),
    foreign key (assignment_id, committee_id) references assignment_receiver (assignment_id, committee_id) on delete cascade,
    foreign key (report_period_id, committee_id) references committee_report (report_period_id, committee_id) on delete cascade
);
create index assignment_follow_up_report on assignment_follow_up (report_period_id, committee_id);
