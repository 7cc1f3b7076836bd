-- A plan's name is unique within its organisation: people and plan-as-code documents tell plans apart by name.
-- Compared without regard to case or surrounding spaces, as a person reading the list of plans would.
create unique index plan_name_unique on plan (area_id, lower(btrim(name)));
