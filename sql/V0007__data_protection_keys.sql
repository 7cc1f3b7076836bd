-- ASP.NET Core Data Protection keys (sign-in cookies, antiforgery tokens, encrypted source secrets),
-- shared by every web and worker process of the installation.
create table data_protection_key (
    id             integer generated always as identity primary key,
    friendly_name  text,
    xml            text not null,
    created_at     timestamptz not null default now()
);
