-- Organisations and the plans they steer by.
-- Areas are regions, riket and any other unit outcomes are reported for (Kolada ids where they exist).

create table area (
    id          text primary key check (id ~ '^[0-9A-Za-z_-]{1,20}$'),
    name        text not null check (length(trim(name)) > 0),
    short_name  text not null check (length(trim(short_name)) > 0),
    kind        text not null check (kind in ('country', 'region', 'municipality', 'group', 'other')),
    sort_order  integer not null default 0
);

-- Nämnder and styrelser of an organisation; they own goals and indicators.
create table committee (
    id          integer generated always as identity primary key,
    area_id     text not null references area (id),
    code        text not null check (length(trim(code)) > 0),
    name        text not null check (length(trim(name)) > 0),
    unique (area_id, code)
);

-- A plan covers a period of years for an organisation (e.g. Regionplan 2025–2027).
create table plan (
    id          integer generated always as identity primary key,
    area_id     text not null references area (id),
    name        text not null check (length(trim(name)) > 0),
    vision      text,
    start_year  smallint not null check (start_year between 2000 and 2100),
    end_year    smallint not null,
    is_demo     boolean not null default false,
    created_at  timestamptz not null default now(),
    check (end_year between start_year and start_year + 15)
);

-- Versions of a plan over the same period: the adopted plan, a draft, an opposition proposal.
create table plan_version (
    id          integer generated always as identity primary key,
    plan_id     integer not null references plan (id) on delete cascade,
    name        text not null check (length(trim(name)) > 0),
    kind        text not null check (kind in ('adopted', 'draft', 'proposal')),
    author      text,
    decided_on  date,
    is_current  boolean not null default false,
    created_at  timestamptz not null default now(),
    unique (plan_id, name)
);
-- At most one current version per plan.
create unique index plan_version_one_current on plan_version (plan_id) where is_current;

-- Målområden (kind 'goal_area') and groups beside them such as "Ekonomin är en förutsättning" (kind 'prerequisite').
create table goal_area (
    id              integer generated always as identity primary key,
    plan_version_id integer not null references plan_version (id) on delete cascade,
    code            text not null check (length(trim(code)) > 0),
    name            text not null check (length(trim(name)) > 0),
    description     text,
    kind            text not null default 'goal_area' check (kind in ('goal_area', 'prerequisite')),
    sort_order      integer not null default 0,
    unique (plan_version_id, code)
);

create table goal (
    id                  integer generated always as identity primary key,
    goal_area_id        integer not null references goal_area (id) on delete cascade,
    code                text not null check (length(trim(code)) > 0),
    name                text not null check (length(trim(name)) > 0),
    description         text,
    owner_committee_id  integer references committee (id),
    sort_order          integer not null default 0,
    unique (goal_area_id, code)
);

-- Committees that contribute to a goal without owning it.
create table goal_contributor (
    goal_id       integer not null references goal (id) on delete cascade,
    committee_id  integer not null references committee (id),
    primary key (goal_id, committee_id)
);
