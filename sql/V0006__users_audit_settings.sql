create table app_role (
    name         text primary key,
    description  text not null
);
insert into app_role (name, description) values
    ('Ledning', 'Läser allt'),
    ('Analytiker', 'Planer, indikatorer, målvärden, källor och körningar'),
    ('Namnd', 'Läser allt; bedömer sin egen nämnds mål'),
    ('Administrator', 'Användare, Hangfire och allt annat');

create table app_user (
    id               integer generated always as identity primary key,
    user_name        text not null check (length(trim(user_name)) > 0),
    display_name     text not null,
    email            text,
    password_hash    text,
    -- Signed in through OpenID Connect: the issuer's subject.
    external_subject text unique,
    failed_sign_ins  integer not null default 0,
    lockout_end      timestamptz,
    is_active        boolean not null default true,
    is_demo          boolean not null default false,
    created_at       timestamptz not null default now()
);
create unique index app_user_name_unique on app_user (lower(user_name));

create table user_role (
    user_id       integer not null references app_user (id) on delete cascade,
    role          text not null references app_role (name),
    -- A Nämnd role is scoped to one committee.
    committee_id  integer references committee (id) on delete cascade,
    check ((role = 'Namnd') = (committee_id is not null))
);
create unique index user_role_unique on user_role (user_id, role, coalesce(committee_id, 0));

-- Who changed what, when: append-only.
create table audit_log (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null default now(),
    user_name    text,
    action       text not null,
    entity       text not null,
    entity_id    text,
    before       jsonb,
    after        jsonb,
    remote_ip    text
);
create index audit_log_entity on audit_log (entity, entity_id, occurred_at desc);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log är endast tillägg (audit log is append-only)' using errcode = '42501';
end $$;

create trigger audit_log_is_append_only
    before update or delete or truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- Small facts about the installation, such as when the demo plan was loaded.
create table app_setting (
    key         text primary key,
    value       text not null,
    updated_at  timestamptz not null default now()
);
