-- The follow-up period a seen status was judged for (FollowUpPeriod's code, e.g. 2026-delar). When the dashboard moves
-- on to another period (an outcome of a new year arrives), the statuses there are first sightings, not changes: the
-- scan re-learns them without announcing anything. Rows from before this column are re-learnt once ('' matches nothing).
alter table alert_status_seen add column period text not null default '';
