-- Reading the audit log: the page and its CSV filter by action, object and time and list newest first (by id), a page
-- at a time by key. These indexes serve those filters; the log itself stays append-only (nothing here changes rows).
create index audit_log_action_id on audit_log (action, id desc);
create index audit_log_entity_id on audit_log (entity, entity_id, id desc);
create index audit_log_occurred_at on audit_log (occurred_at);
