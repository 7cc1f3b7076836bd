using Dapper;
using Npgsql;

namespace Indicators.Data.Sources;

/// <summary>A source as the Källor page lists it: its schedule, its last run, and how fresh its data is.</summary>
public sealed record SourceSummary(
    int Id, string Name, string Kind, string Cron, string? FullRefreshCron, string TimeZone, bool Enabled, bool IsDemo,
    int IndicatorCount, long? LastRunId, string? LastRunStatus, DateTime? LastRunStartedAt, DateTime? LastRunFinishedAt,
    string? LastRunMessage, DateTime? LastSuccessAt, string? NewestPeriod,
    int LastRunInserted, int LastRunUpdated, int LastRunUnchanged, int LastRunRetracted, int LastRunRejected);

/// <summary>
/// One run of a source, as the run history and the run page show it. <see cref="StartedBy"/> is the display name of the
/// person who started it (Kör nu, an upload, Försök igen), null for a schedule or a watched folder.
/// </summary>
public sealed record RunSummary(
    long Id, int? SourceId, string? SourceName, string? HangfireJobId, string Trigger, string Status, DateTime StartedAt,
    DateTime? FinishedAt, int RowsRead, int RowsDone, int Inserted, int Updated, int Unchanged, int Retracted, int Rejected,
    string? Message, string Problems, string? Phase, DateTime? ProgressAt, string? StartedBy, int EventCount);

/// <summary>Something a run met on its way (an HTTP retry after a 429, a 5xx or no answer), with the wait it made.</summary>
public sealed record RunEventRow(DateTime At, int? HttpStatus, int Attempt, int WaitMs, string Message);

/// <summary>A linked indicator of a source, for the source page.</summary>
public sealed record SourceIndicatorName(int IndicatorId, string Code, string Name, string? KpiId);

/// <summary>Read-side queries behind the Källor pages; one query per page section, aggregated in SQL.</summary>
public sealed class SourceRunQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<SourceSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        // Lateral joins: the last run and the last success per source, each from the (source_id, started_at desc) index.
        const string sql = """
            select s.id, s.name, s.kind, s.cron, s.full_refresh_cron,
                   s.time_zone, s.enabled, s.is_demo,
                   (select count(*)::int from source_indicator si where si.source_id = s.id) as IndicatorCount,
                   last.id as LastRunId, last.status as LastRunStatus, last.started_at as LastRunStartedAt,
                   last.finished_at as LastRunFinishedAt, last.message as LastRunMessage,
                   success.started_at as LastSuccessAt, data.newest_period,
                   coalesce(last.inserted, 0) as LastRunInserted, coalesce(last.updated, 0) as LastRunUpdated,
                   coalesce(last.unchanged, 0) as LastRunUnchanged, coalesce(last.retracted, 0) as LastRunRetracted,
                   coalesce(last.rejected, 0) as LastRunRejected
            from source s
            left join lateral (
                select r.id, r.status, r.started_at, r.finished_at, r.message, r.inserted, r.updated, r.unchanged, r.retracted, r.rejected
                from ingestion_run r where r.source_id = s.id order by r.started_at desc, r.id desc limit 1) last on true
            left join lateral (
                select r.started_at
                from ingestion_run r where r.source_id = s.id and r.status in ('succeeded', 'succeeded_with_warnings')
                order by r.started_at desc limit 1) success on true
            left join lateral (
                select max(o.period) as newest_period
                from source_indicator si join observation o on o.indicator_id = si.indicator_id and o.status = 'ok'
                where si.source_id = s.id) data on true
            order by s.name, s.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SourceSummary>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<RunSummary>> RunsOfAsync(int sourceId, int limit, CancellationToken cancellationToken = default)
    {
        const string sql = $"""
            {RunColumns}
            where r.source_id = @SourceId
            order by r.started_at desc, r.id desc
            limit @Limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<RunSummary>(new CommandDefinition(sql, new { SourceId = sourceId, Limit = limit }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<RunSummary?> RunAsync(long runId, CancellationToken cancellationToken = default)
    {
        const string sql = $"{RunColumns} where r.id = @RunId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<RunSummary>(new CommandDefinition(sql, new { RunId = runId }, cancellationToken: cancellationToken));
    }

    /// <summary>The run's events in the order met (at most a few hundred: the runner caps them).</summary>
    public async Task<IReadOnlyList<RunEventRow>> EventsOfAsync(long runId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select e.at, e.http_status, e.attempt, e.wait_ms, e.message
            from ingestion_run_event e where e.run_id = @RunId order by e.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<RunEventRow>(new CommandDefinition(sql, new { RunId = runId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<SourceIndicatorName>> IndicatorsOfAsync(int sourceId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select i.id as IndicatorId, i.code, i.name, i.kpi_id
            from source_indicator si join indicator i on i.id = si.indicator_id
            where si.source_id = @SourceId
            order by i.code
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SourceIndicatorName>(new CommandDefinition(sql, new { SourceId = sourceId }, cancellationToken: cancellationToken))).AsList();
    }

    const string RunColumns = """
        select r.id, r.source_id, s.name as SourceName, r.hangfire_job_id, r.trigger,
               r.status, r.started_at, r.finished_at, r.rows_read,
               r.rows_done, r.inserted, r.updated, r.unchanged,
               r.retracted, r.rejected, r.message, r.problems::text,
               r.phase, r.progress_at,
               case when r.started_by is not null then user_display_name(r.started_by) end as StartedBy,
               (select count(*)::int from ingestion_run_event e where e.run_id = r.id) as EventCount
        from ingestion_run r left join source s on s.id = r.source_id
        """;
}
