-- Alerts and subscriptions (issue 18): who follows what, the events a scan of the store finds, and one delivery per
-- event, subscription and channel. README, "Alerts and subscriptions".

-- A user follows a source, an indicator, a mål or a whole nämnd, for some kinds of event.
create table subscription (
    id                      integer generated always as identity primary key,
    user_id                 integer not null references app_user (id) on delete cascade,
    target_kind             text not null check (target_kind in ('source', 'indicator', 'goal', 'committee')),
    -- The source, indicator, goal or committee id; checked by the editor (one column cannot reference four tables).
    target_id               integer not null,
    events                  text[] not null check (cardinality(events) > 0
                                and events <@ array['run_failed', 'stale', 'new_outcomes', 'status_changed', 'report']::text[]),
    by_email                boolean not null default true,
    -- A Teams or other JSON webhook, encrypted by the application like a source's secret: it is a credential.
    webhook_url_encrypted   bytea,
    -- Daily digest instead of one message per event (e-mail only; a webhook gets each event).
    digest                  boolean not null default false,
    created_at              timestamptz not null default now(),
    unique (user_id, target_kind, target_id)
);

-- Something worth telling, recorded once: (kind, natural_key) is unique, so a scan that runs twice, restarts or runs
-- in two processes at once records each event exactly once.
create table alert_event (
    id            bigint generated always as identity primary key,
    kind          text not null check (kind in ('run_failed', 'stale', 'new_outcomes', 'status_changed', 'report')),
    natural_key   text not null,
    source_id     integer references source (id) on delete cascade,
    indicator_id  integer references indicator (id) on delete cascade,
    committee_id  integer references committee (id) on delete cascade,
    title         text not null,
    body          text not null,
    -- Path within the app (/kallor/3), joined to Notifications:BaseUrl in messages.
    link          text not null,
    occurred_at   timestamptz not null default now(),
    -- Set when the event's deliveries have been created (in the same transaction).
    fanned_out_at timestamptz,
    unique (kind, natural_key)
);
create index alert_event_not_fanned_out on alert_event (id) where fanned_out_at is null;

-- One event for one subscription on one channel: 'app' (the in-app list, delivered at once), 'email', 'webhook'.
-- Unique, so fanning out twice cannot create a second delivery. A sender claims its row (pending → sending, committed)
-- before it sends and marks it sent after: a row left 'sending' by a process that died is never sent again (it may
-- or may not have gone out; twice is worse than once unknown), and the scan marks it failed after an hour.
create table alert_delivery (
    id               bigint generated always as identity primary key,
    event_id         bigint not null references alert_event (id) on delete cascade,
    subscription_id  integer not null references subscription (id) on delete cascade,
    user_id          integer not null references app_user (id) on delete cascade,
    channel          text not null check (channel in ('app', 'email', 'webhook')),
    digest           boolean not null default false,
    state            text not null default 'pending' check (state in ('pending', 'sending', 'sent', 'failed')),
    attempts         integer not null default 0,
    queued_at        timestamptz,
    claimed_at       timestamptz,
    sent_at          timestamptz,
    last_error       text,
    read_at          timestamptz,
    unique (event_id, subscription_id, channel)
);
create index alert_delivery_pending on alert_delivery (id) where state = 'pending';
create index alert_delivery_user on alert_delivery (user_id, id desc) where channel = 'app';

-- The scan's cursor over finished runs, and where it started: history before alerts existed is not announced.
create table alert_scan_state (
    id            boolean primary key default true check (id),
    run_cursor    bigint not null,
    started_at    timestamptz not null default now()
);
insert into alert_scan_state (run_cursor) select coalesce(max(id), 0) from ingestion_run;

-- The status each indicator of each plan had at the last scan, to tell a change from the first sighting.
create table alert_status_seen (
    plan_id       integer not null references plan (id) on delete cascade,
    indicator_id  integer not null references indicator (id) on delete cascade,
    status        text not null,
    changes       integer not null default 0,
    primary key (plan_id, indicator_id)
);
