-- Utfall: indicator × period × area × gender. Periods are text in one canonical form:
--   '2025' (year), '2025-T2' (tertial), '2025-Q3' (quarter), '2025-08' (month), '2025-JA' (jan–aug, delår).
create table observation (
    id            bigint generated always as identity primary key,
    indicator_id  integer not null references indicator (id) on delete cascade,
    period        text not null check (period ~ '^[0-9]{4}(-(T[1-3]|Q[1-4]|0[1-9]|1[0-2]|JA))?$'),
    period_year   smallint generated always as (substr(period, 1, 4)::smallint) stored,
    area_id       text not null references area (id),
    gender        char(1) not null default 'T' check (gender in ('T', 'K', 'M')),
    value         numeric,
    -- ok: a value; missing / suppressed / not_published: no value, with the reason; retracted: withdrawn at the source.
    status        text not null default 'ok'
                  check (status in ('ok', 'missing', 'suppressed', 'not_published', 'retracted')),
    run_id        bigint references ingestion_run (id) on delete set null,
    is_demo       boolean not null default false,
    revision      integer not null default 1 check (revision >= 1),
    updated_at    timestamptz not null default now(),
    unique (indicator_id, period, area_id, gender),
    check ((status = 'ok') = (value is not null))
);
create index observation_area_indicator on observation (area_id, indicator_id, period_year);

-- A changed or retracted value never silently disappears: the value it replaced is kept here.
create table observation_revision (
    id                  bigint generated always as identity primary key,
    observation_id      bigint not null references observation (id) on delete cascade,
    revision            integer not null check (revision >= 1),
    value               numeric,
    status              text not null,
    run_id              bigint references ingestion_run (id) on delete set null,
    replaced_by_run_id  bigint references ingestion_run (id) on delete set null,
    replaced_at         timestamptz not null default now(),
    unique (observation_id, revision)
);
