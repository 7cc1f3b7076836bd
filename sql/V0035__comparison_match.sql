-- An analyst's pairing of a mål of one plan version with a mål of another whose code differs (issue 21): the comparison
-- of the two versions shows them side by side, as it does mål with the same code. A pair is stored once whichever
-- version is read as the left one: the lower goal id first. The editor refuses a pair within one version, a pair of
-- the same code, and a second pair of a mål with a mål of the same other version.
create table comparison_match (
    id             integer generated always as identity primary key,
    goal_id        integer not null references goal (id) on delete cascade,
    other_goal_id  integer not null references goal (id) on delete cascade,
    created_by     text not null check (length(trim(created_by)) between 1 and 200),
    created_at     timestamptz not null default now(),
    check (goal_id < other_goal_id),
    unique (goal_id, other_goal_id)
);
create index comparison_match_other on comparison_match (other_goal_id);
