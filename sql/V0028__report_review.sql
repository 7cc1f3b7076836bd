-- Four eyes and a recorded decision (issue 19). A Granskare returns a submitted report with comments, or finalises it
-- (never one the same person submitted: the store checks that inside the write), recording the nämnd's decision. The
-- region's report is finalised on its own once every nämnd's is, with its own decision.

-- The decision a finalised report records: which body decided, at which meeting, under which §, in which protocol.
-- Written in the finalising transaction just before the state change (while the row is still under review, so the
-- frozen trigger lets it through); reports finalised before this migration have none.
alter table committee_report
    add column decision_body       text check (length(decision_body) between 1 and 200),
    add column decision_meeting    date,
    add column decision_paragraph  text check (length(decision_paragraph) between 1 and 20),
    add column decision_protocol   text check (length(decision_protocol) between 1 and 100),
    add constraint committee_report_decision_whole
        check ((decision_body is null) = (decision_meeting is null) and (decision_body is null) = (decision_paragraph is null)
               and (decision_protocol is null or decision_body is not null));

-- A reviewer's comment on a returned report: on one of its goals, or (no goal) on the report as a whole. Kept after the
-- return; the nämnd marks it resolved (åtgärdad) before submitting again, and what it did stays readable.
create table review_comment (
    id                integer generated always as identity primary key,
    report_period_id  integer not null,
    committee_id      integer not null,
    goal_id           integer references goal (id) on delete cascade,
    comment           text not null check (length(comment) between 1 and 4000),
    created_by        text not null,
    created_at        timestamptz not null default now(),
    resolved_by       text,
    resolved_at       timestamptz,
    check ((resolved_by is null) = (resolved_at is null)),
    foreign key (report_period_id, committee_id) references committee_report (report_period_id, committee_id) on delete cascade
);
create index review_comment_report on review_comment (report_period_id, committee_id);

-- The region's report (every nämnd) finalised: a row exists only once it is, and never changes.
create table region_report_decision (
    report_period_id   integer primary key references report_period (id) on delete cascade,
    finalised_at       timestamptz not null,
    finalised_by       text not null,
    decision_body      text not null check (length(decision_body) between 1 and 200),
    decision_meeting   date not null,
    decision_paragraph text not null check (length(decision_paragraph) between 1 and 20),
    decision_protocol  text check (length(decision_protocol) between 1 and 100)
);

create function region_report_decision_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'the region report of period % is finalised and cannot change', old.report_period_id
        using errcode = 'check_violation';
end $$;
create trigger region_report_decision_frozen before update on region_report_decision
    for each row execute function region_report_decision_frozen();
