-- User administration (issue 19): a password an administrator reset is a one-time password, shown once to the
-- administrator; its owner must choose their own before doing anything else. Cleared by their own password change.
alter table app_user add column must_change_password boolean not null default false;
