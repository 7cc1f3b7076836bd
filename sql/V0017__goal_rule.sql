-- The goal suggestion's settings per plan version (GoalRule in Indicators.Core): the share of the assessable
-- indicators' weight that must count as uppnådd for uppfyllt, and the share that must count as ej uppnådd (more than
-- it) for ej uppfyllt when no indicator is uppnått. Per cent; the defaults are the documented default rule.
alter table plan_version
    add column goal_met_share numeric not null default 100
        constraint plan_version_goal_met_share check (goal_met_share > 0 and goal_met_share <= 100),
    add column goal_not_met_share numeric not null default 50
        constraint plan_version_goal_not_met_share check (goal_not_met_share >= 0 and goal_not_met_share < 100),
    add constraint plan_version_goal_shares_ordered check (goal_met_share > goal_not_met_share);

-- An indicator's weight in a plan version's goal suggestions; an indicator without a row weighs 1. Only weights other
-- than 1 are stored, so a version's settings read the same however they were written.
create table indicator_weight (
    plan_version_id  integer not null references plan_version (id) on delete cascade,
    indicator_id     integer not null references indicator (id) on delete cascade,
    weight           numeric not null check (weight > 0 and weight <= 100 and weight <> 1),
    primary key (plan_version_id, indicator_id)
);
