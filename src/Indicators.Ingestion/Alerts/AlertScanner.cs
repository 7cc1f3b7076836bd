using Dapper;
using Hangfire;
using Indicators.Core.Attainment;
using Indicators.Core.FollowUp;
using Indicators.Core.Formatting;
using Indicators.Data.Alerts;
using Indicators.Data.Plans;
using Indicators.Ingestion.Scheduling;
using Npgsql;

namespace Indicators.Ingestion.Alerts;

/// <summary>
/// Finds events by reading the store, not by hooking the runner: runs finished since the cursor (failed, failed again,
/// new outcomes), sources gone stale, indicators whose status changed since the last scan, reports submitted or
/// finalised. Each event is inserted with its natural key (<c>on conflict do nothing</c>), so however often the scan
/// runs, restarts or runs in two processes at once, an event is recorded once. Then each new event gets one delivery
/// per matching subscription and channel (unique too), and the immediate ones are queued as Hangfire jobs.
/// A scan never touches a run: a failure here or in sending leaves ingestion as it was.
/// </summary>
public sealed class AlertScanner(NpgsqlDataSource dataSource, PlanQueries plans, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>A delivery queued this long ago and still pending is queued again (its job was lost with its process).</summary>
    static readonly TimeSpan RequeueAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// One scan. Two at once (two processes, a slow one overlapping the next minute's) are safe without a Hangfire lock,
    /// which a killed process would leave held: the cursor and last-seen rows are locked, events and deliveries unique.
    /// </summary>
    [Queue("default")]
    [AutomaticRetry(Attempts = 0)]
    public async Task ScanAsync(CancellationToken cancellationToken)
    {
        await ScanRunsAsync(cancellationToken);
        await ScanStaleSourcesAsync(cancellationToken);
        await ScanStatusesAsync(cancellationToken);
        await ScanReportsAsync(cancellationToken);
        await FanOutAsync(cancellationToken);
        await QueueDeliveriesAsync(cancellationToken);
    }

    async Task ScanRunsAsync(CancellationToken cancellationToken)
    {
        // Runs can finish out of order: the cursor stops below the oldest run still running, and the unique key keeps
        // a run seen twice from being recorded twice.
        const string runsSql = """
            select r.id, r.source_id, s.name as source_name, r.status, r.message, r.inserted, r.updated, r.retracted,
                   (select count(*)::int from ingestion_run p
                    where p.source_id = r.source_id and p.id <= r.id and p.status = 'failed' and p.trigger not in ('preview', 'demo')
                      and p.id > coalesce((select max(q.id) from ingestion_run q
                                           where q.source_id = r.source_id and q.id < r.id and q.status in ('succeeded', 'succeeded_with_warnings')), 0)
                   ) as failures_in_a_row
            from ingestion_run r
            join alert_scan_state st on true
            join source s on s.id = r.source_id
            where r.id > st.run_cursor and r.status <> 'running' and r.trigger not in ('preview', 'demo')
            order by r.id
            """;
        const string cursorSql = """
            update alert_scan_state set run_cursor = greatest(run_cursor, coalesce(
                (select min(id) - 1 from ingestion_run where status = 'running' and id > run_cursor),
                (select max(id) from ingestion_run), 0))
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("select run_cursor from alert_scan_state for update", transaction: transaction);
        foreach (var run in await connection.QueryAsync<RunRow>(new CommandDefinition(runsSql, transaction: transaction, cancellationToken: cancellationToken)))
        {
            var link = $"/kallor/korningar/{run.Id}";
            if (run.Status == "failed")
            {
                await InsertAsync(connection, transaction, AlertTexts.RunFailed(run.Id, run.SourceName, run.FailuresInARow, run.Message).For(
                    AlertKinds.RunFailed, Key(run.Id), link, sourceId: run.SourceId), cancellationToken);
            }
            else if (run.Inserted + run.Updated + run.Retracted > 0)
            {
                await InsertAsync(connection, transaction, AlertTexts.NewOutcomes(run.Id, run.SourceName, run.Inserted, run.Updated, run.Retracted).For(
                    AlertKinds.NewOutcomes, Key(run.Id), link, sourceId: run.SourceId), cancellationToken);
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(cursorSql, transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    async Task ScanStaleSourcesAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            select s.id, s.name, s.cron, s.time_zone,
                   (select max(r.finished_at) from ingestion_run r
                    where r.source_id = s.id and r.status in ('succeeded', 'succeeded_with_warnings')) as last_success
            from source s
            where s.enabled
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var source in await connection.QueryAsync<SourceRow>(new CommandDefinition(sql, cancellationToken: cancellationToken)))
        {
            // The same judgement as the overview's freshness mark; an unreadable schedule is left to the source page.
            if (source.LastSuccess is { } lastSuccess && new DateTimeOffset(lastSuccess, TimeSpan.Zero) is var last
                && CronSchedule.TryParse(source.Cron, source.TimeZone, out var schedule, out _) && schedule is not null
                && SourceFreshness.Judge(schedule, true, last, now) == Freshness.Stale)
            {
                // One event per stale spell: keyed by the last success it is measured from.
                await InsertAsync(connection, null, AlertTexts.Stale(source.Name, last).For(
                    AlertKinds.Stale, $"{source.Id}:{last.UtcTicks}", $"/kallor/{source.Id}", sourceId: source.Id), cancellationToken);
            }
        }
    }

    async Task ScanStatusesAsync(CancellationToken cancellationToken)
    {
        foreach (var choice in await plans.ListPlansAsync(cancellationToken: cancellationToken))
        {
            // The dashboard's own judgement: the plan's overview for its default period, each indicator's standing.
            if (await plans.GetOverviewAsync(choice.PlanId, null, cancellationToken) is not { } overview)
            {
                continue;
            }

            var statuses = overview.Indicators.Select(i => (Indicator: i, Status: i.StandingIn(overview.Period, overview.StartYear, overview.EndYear).Status.Status)).ToList();
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var seen = (await connection.QueryAsync<SeenRow>(new CommandDefinition(
                    "select indicator_id, status, period, changes from alert_status_seen where plan_id = @PlanId for update",
                    new { choice.PlanId }, transaction, cancellationToken: cancellationToken)))
                .ToDictionary(s => s.IndicatorId);
            var period = PeriodKey(overview.Period);
            foreach (var (indicator, status) in statuses)
            {
                if (!seen.TryGetValue(indicator.Id, out var before) || before.Period != period)
                {
                    // First sighting, or the first in this period (the overview moved on to a new year): a status of
                    // another period is no "before", so nothing changed yet.
                    await connection.ExecuteAsync(new CommandDefinition("""
                        insert into alert_status_seen (plan_id, indicator_id, status, period) values (@PlanId, @IndicatorId, @Status, @Period)
                        on conflict (plan_id, indicator_id) do update set status = excluded.status, period = excluded.period
                        """, new { choice.PlanId, IndicatorId = indicator.Id, Status = status.ToString(), Period = period }, transaction, cancellationToken: cancellationToken));
                    continue;
                }

                if (before.Status == status.ToString())
                {
                    continue;
                }

                var changes = before.Changes + 1;
                await connection.ExecuteAsync(new CommandDefinition(
                    "update alert_status_seen set status = @Status, changes = @Changes where plan_id = @PlanId and indicator_id = @IndicatorId",
                    new { choice.PlanId, IndicatorId = indicator.Id, Status = status.ToString(), Changes = changes }, transaction, cancellationToken: cancellationToken));
                var old = Enum.TryParse<AttainmentStatus>(before.Status, out var parsed) ? parsed : AttainmentStatus.NotAssessable;
                var text = AlertTexts.StatusChanged(indicator.Code, indicator.Name, overview.Name, overview.Period.SwedishName, old, status);
                await InsertAsync(connection, transaction, text.For(AlertKinds.StatusChanged, $"{choice.PlanId}:{indicator.Id}:{changes}",
                    $"/indikator/{indicator.Id}?plan={choice.PlanId}", indicatorId: indicator.Id), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    async Task ScanReportsAsync(CancellationToken cancellationToken)
    {
        // Only what happened since alerts were installed: a new installation does not announce its history.
        const string sql = """
            select cr.report_period_id, cr.committee_id, c.name as committee_name, rp.year::int as year, rp.kind,
                   cr.submitted_at, cr.submitted_by, cr.finalised_at, cr.finalised_by
            from committee_report cr
            join committee c on c.id = cr.committee_id
            join report_period rp on rp.id = cr.report_period_id
            join alert_scan_state st on true
            where cr.submitted_at >= st.started_at or cr.finalised_at >= st.started_at
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var report in await connection.QueryAsync<ReportRow>(new CommandDefinition(sql, cancellationToken: cancellationToken)))
        {
            var link = $"/rapporter/{report.ReportPeriodId}/namnd/{report.CommitteeId}";
            var period = $"{(report.Kind == "interim" ? "Delårsrapport" : "Årsrapport")} {SwedishFormat.Year(report.Year)}";
            if (report.SubmittedAt is { } submittedAt && new DateTimeOffset(submittedAt, TimeSpan.Zero) is var submitted)
            {
                await InsertAsync(connection, null, AlertTexts.Report(report.CommitteeName, period, "lämnades in", report.SubmittedBy, submitted).For(
                    AlertKinds.Report, $"{report.ReportPeriodId}:{report.CommitteeId}:submitted:{submitted.UtcTicks}", link, committeeId: report.CommitteeId), cancellationToken);
            }

            if (report.FinalisedAt is { } finalisedAt && new DateTimeOffset(finalisedAt, TimeSpan.Zero) is var finalised)
            {
                await InsertAsync(connection, null, AlertTexts.Report(report.CommitteeName, period, "fastställdes", report.FinalisedBy, finalised).For(
                    AlertKinds.Report, $"{report.ReportPeriodId}:{report.CommitteeId}:finalised", link, committeeId: report.CommitteeId), cancellationToken);
            }
        }
    }

    /// <summary>
    /// New events → deliveries, in one transaction with marking the events done. A subscription matches an event about
    /// what it follows: a source directly; an indicator directly or through a source feeding it; a mål through its
    /// indicators, or a report of its nämnd; a nämnd through the indicators it owns or that follow up its mål, or its report.
    /// </summary>
    async Task FanOutAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            with ev as (
                select id, kind, source_id, indicator_id, committee_id from alert_event
                where fanned_out_at is null order by id limit 500 for update skip locked),
            concerned as (
                select ev.id as event_id, x.indicator_id from ev
                cross join lateral (
                    select ev.indicator_id where ev.indicator_id is not null
                    union select si.indicator_id from source_indicator si where si.source_id = ev.source_id) x),
            matched as (
                select distinct ev.id as event_id, s.id as subscription_id, s.user_id, s.digest,
                       s.by_email and coalesce(trim(u.email), '') <> '' as by_email, s.webhook_url_encrypted is not null as by_webhook
                from ev
                join subscription s on ev.kind = any (s.events)
                join app_user u on u.id = s.user_id and u.is_active
                where (s.target_kind = 'source' and s.target_id = ev.source_id)
                   or (s.target_kind = 'indicator' and exists (select 1 from concerned c where c.event_id = ev.id and c.indicator_id = s.target_id))
                   or (s.target_kind = 'goal' and (
                          exists (select 1 from concerned c join goal_indicator gi on gi.indicator_id = c.indicator_id
                                  where c.event_id = ev.id and gi.goal_id = s.target_id)
                       or exists (select 1 from goal g where g.id = s.target_id and g.owner_committee_id = ev.committee_id)))
                   or (s.target_kind = 'committee' and (
                          s.target_id = ev.committee_id
                       or exists (select 1 from concerned c join indicator i on i.id = c.indicator_id
                                  where c.event_id = ev.id and i.owner_committee_id = s.target_id)
                       or exists (select 1 from concerned c join goal_indicator gi on gi.indicator_id = c.indicator_id join goal g on g.id = gi.goal_id
                                  where c.event_id = ev.id and g.owner_committee_id = s.target_id)))),
            inserted as (
                insert into alert_delivery (event_id, subscription_id, user_id, channel, digest, state, sent_at)
                select m.event_id, m.subscription_id, m.user_id, ch.channel, ch.channel = 'email' and m.digest,
                       case when ch.channel = 'app' then 'sent' else 'pending' end, case when ch.channel = 'app' then now() end
                from matched m
                cross join (values ('app'), ('email'), ('webhook')) ch (channel)
                where ch.channel = 'app' or (ch.channel = 'email' and m.by_email) or (ch.channel = 'webhook' and m.by_webhook)
                on conflict (event_id, subscription_id, channel) do nothing)
            update alert_event set fanned_out_at = now() where id in (select id from ev)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Queues a send job for each immediate delivery not yet queued (or queued long ago by a process that died before
    /// its job was stored). A delivery queued twice is still sent once: the sender claims it.
    /// </summary>
    async Task QueueDeliveriesAsync(CancellationToken cancellationToken)
    {
        // A claim never marked sent or released: its process died mid-send. Not sent again (it may have gone out).
        const string abandoned = """
            update alert_delivery set state = 'failed',
                   last_error = 'Sändningen avbröts (processen eller databasen försvann); okänt om meddelandet kom fram, så det skickas inte igen.'
            where state = 'sending' and claimed_at < now() - interval '1 hour'
            """;
        const string sql = """
            update alert_delivery set queued_at = now()
            where id in (select id from alert_delivery
                         where state = 'pending' and not digest and (queued_at is null or queued_at < now() - @RequeueAfter)
                         order by id limit 200 for update skip locked)
            returning id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(abandoned, cancellationToken: cancellationToken));
        foreach (var id in await connection.QueryAsync<long>(new CommandDefinition(sql, new { RequeueAfter }, cancellationToken: cancellationToken)))
        {
            jobs.Enqueue<AlertSender>(sender => sender.SendAsync(id, CancellationToken.None));
        }
    }

    static Task<int> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, NewEvent e, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            insert into alert_event (kind, natural_key, source_id, indicator_id, committee_id, title, body, link)
            values (@Kind, @Key, @SourceId, @IndicatorId, @CommitteeId, @Title, @Body, @Link)
            on conflict (kind, natural_key) do nothing
            """, e, transaction, cancellationToken: cancellationToken));

    static string Key(long runId) => runId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    sealed record RunRow(long Id, int SourceId, string SourceName, string Status, string? Message, int Inserted, int Updated, int Retracted, int FailuresInARow);

    sealed record SourceRow(int Id, string Name, string Cron, string TimeZone, DateTime? LastSuccess);

    /// <summary>The period a status was judged for, as stored: 2026-delar or 2026-helar.</summary>
    static string PeriodKey(FollowUpPeriod period) =>
        FormattableString.Invariant($"{period.Year}-{(period.IsInterim ? "delar" : "helar")}");

    sealed record SeenRow(int IndicatorId, string Status, string Period, int Changes);

    sealed record ReportRow(int ReportPeriodId, int CommitteeId, string CommitteeName, int Year, string Kind,
        DateTime? SubmittedAt, string? SubmittedBy, DateTime? FinalisedAt, string? FinalisedBy);
}

/// <summary>An event to record: its texts from <see cref="AlertTexts"/>, its kind, key, subject and link from the scan.</summary>
public sealed record NewEvent(string Title, string Body)
{
    public string Kind { get; init; } = "";

    public string Key { get; init; } = "";

    public int? SourceId { get; init; }

    public int? IndicatorId { get; init; }

    public int? CommitteeId { get; init; }

    public string Link { get; init; } = "/";

    /// <summary>This event's texts with what the scan knows of it.</summary>
    public NewEvent For(string kind, string key, string link, int? sourceId = null, int? indicatorId = null, int? committeeId = null) => this with
    {
        Kind = kind,
        Key = key,
        Link = link,
        SourceId = sourceId,
        IndicatorId = indicatorId,
        CommitteeId = committeeId,
    };
}
