-- Several organisations in one installation (issue 21): an account can be limited to one or more organisations (areas
-- that own plans, nämnder and indicators). Rows: the account sees only those organisations; none: every organisation.
-- The limit is read with the account on every request (the session) and checked in the store.
create table user_organisation (
    user_id  integer not null references app_user (id) on delete cascade,
    area_id  text not null references area (id),
    primary key (user_id, area_id)
);
