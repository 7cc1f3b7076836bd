-- The audit log is append-only by rights as well as by its trigger (V0006). Nobody is granted update, delete or
-- truncate: not public, and not the table's owner, which is normally the application's own role because the
-- application applies these migrations. An owner could grant the rights back or disable the trigger, and a
-- superuser bypasses rights altogether, so production should connect as a role that is neither (README, Security).
revoke update, delete, truncate on audit_log from public;

do $$
declare
    owner_name name := (select tableowner from pg_tables where schemaname = current_schema() and tablename = 'audit_log');
begin
    execute format('revoke update, delete, truncate on audit_log from %I', owner_name);
end $$;
