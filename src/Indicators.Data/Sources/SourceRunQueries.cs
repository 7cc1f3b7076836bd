using Dapper;
using Npgsql;

namespace Indicators.Data.Sources;

/// <summary>A source as the Källor page lists it: its schedule, its last run, and how fresh its data is.</summary>
public sealed record SourceSummary(
    int Id, string Name, string Kind, string Cron, string? FullRefreshCron, string TimeZone, bool Enabled, bool IsDemo,
    int IndicatorCount, long? LastRunId, string? LastRunStatus, DateTime? LastRunStartedAt, DateTime? LastRunFinishedAt,
    string? LastRunMessage, DateTime? LastSuccessAt, string? NewestPeriod, long ObservationCount);

/// <summary>One run of a source, as the run history and the run page show it.</summary>
public sealed record RunSummary(
    long Id, int? SourceId, string? SourceName, string? HangfireJobId, string Trigger, string Status, DateTime StartedAt,
    DateTime? FinishedAt, int RowsRead, int RowsDone, int Inserted, int Updated, int Unchanged, int Retracted, int Rejected,
    string? Message, string Problems, string? Phase, DateTime? ProgressAt);

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
                   success.started_at as LastSuccessAt, data.newest_period, coalesce(data.observations, 0) as ObservationCount
            from source s
            left join lateral (
                select r.id, r.status, r.started_at, r.finished_at, r.message
                from ingestion_run r where r.source_id = s.id order by r.started_at desc, r.id desc limit 1) last on true
            left join lateral (
                select r.started_at
                from ingestion_run r where r.source_id = s.id and r.status in ('succeeded', 'succeeded_with_warnings')
                order by r.started_at desc limit 1) success on true
            left join lateral (
                select max(o.period) as newest_period, count(*) as observations
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
               r.phase, r.progress_at
        from ingestion_run r left join source s on s.id = r.source_id
        """;
}
