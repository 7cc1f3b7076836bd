-- Server-side sessions (issue 15). The sign-in cookie names a row here and every request checks it, so signing out,
-- a password change, deactivation, the idle timeout and the absolute lifetime end a session at once, in every web
-- process, and an open interactive page finds out at its next revalidation or save.
create table user_session (
    -- SHA-256 (hex) of the random token inside the cookie: a copy of this table gives no working cookie.
    id              text primary key,
    user_id         integer not null references app_user (id) on delete cascade,
    signed_in_with  text not null check (signed_in_with in ('local', 'oidc')),
    created_at      timestamptz not null,
    last_seen_at    timestamptz not null,
    -- created_at + the absolute lifetime: however much the session is used, it ends here.
    expires_at      timestamptz not null,
    ended_at        timestamptz,
    end_reason      text,
    remote_ip       text,
    check ((ended_at is null) = (end_reason is null))
);
create index user_session_open on user_session (user_id) where ended_at is null;
create index user_session_old on user_session (expires_at);

-- Failed sign-ins counted per address and time window. The first failure of a window is audited at once; the window's
-- total is written to audit_log as one row when the window has closed, and the row here is removed in the same
-- transaction. So a flood of failed sign-ins writes two audit rows per address and window, not one per attempt.
create table sign_in_failure_window (
    remote_ip     text not null,
    window_start  timestamptz not null,
    window_end    timestamptz not null,
    failures      integer not null,
    -- The user names tried (at most 20 distinct) and a count per reason, for the audit row.
    user_names    text[] not null,
    reasons       jsonb not null,
    primary key (remote_ip, window_start)
);
create index sign_in_failure_window_end on sign_in_failure_window (window_end);
