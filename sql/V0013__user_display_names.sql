-- Reports name people by their display name ("Anna Berg"), not their user name ("anna.berg"). Who did what is stored
-- as the user name (it identifies the user, and the audit log keeps it); this reads the name to show. A user name no
-- account has (a deleted account, an actor outside the app) shows as itself.
create function user_display_name(name text) returns text
language sql stable
as $$
    select coalesce((select u.display_name from app_user u where lower(u.user_name) = lower(name)), name)
$$;
