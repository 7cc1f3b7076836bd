using Dapper;
using Npgsql;

namespace Indicators.Data.Sources;

/// <summary>
/// A configured source: where outcomes come from and when. <see cref="Settings"/> holds the type-specific settings as JSON
/// (KPI ids, table and selection, file mapping); never secrets.
/// </summary>
public sealed record SourceDefinition(
    int Id, string Name, string Kind, string Cron, string? FullRefreshCron, string TimeZone, bool Enabled, string Settings, bool IsDemo);

/// <summary>
/// An indicator a source feeds: its code and Kolada KPI id (a row names it by either), and what a row must fit to be
/// stored for it — its gender split (without one only T) and its frequency (year, tertial, quarter, month).
/// </summary>
public sealed record SourceIndicator(int IndicatorId, string Code, string? KpiId, bool GenderSplit, string Frequency);

public sealed class SourceQueries(NpgsqlDataSource dataSource)
{
    /// <summary>A <see cref="SourceDefinition"/>'s columns, for every query that reads one.</summary>
    internal const string Columns = $"id, {SourceWriter.Columns}, is_demo";

    public async Task<SourceDefinition?> FindAsync(int sourceId, CancellationToken cancellationToken = default)
    {
        const string sql = $"select {Columns} from source where id = @SourceId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SourceDefinition>(new CommandDefinition(sql, new { SourceId = sourceId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The source with "{}" for its settings: for readers who are not to see them (Ledning, Nämnd), so the page that
    /// shows them the source never holds its settings. The crons come along: the schedule in words and the next runs
    /// are read from them.
    /// </summary>
    public async Task<SourceDefinition?> FindWithoutSettingsAsync(int sourceId, CancellationToken cancellationToken = default)
    {
        const string sql = "select id, name, kind, cron, full_refresh_cron, time_zone, enabled, '{}' as settings, is_demo from source where id = @SourceId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SourceDefinition>(new CommandDefinition(sql, new { SourceId = sourceId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<SourceDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        const string sql = $"select {Columns} from source order by name, id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SourceDefinition>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<SourceIndicator>> IndicatorsOfAsync(int sourceId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select i.id as indicator_id, i.code, i.kpi_id, i.gender_split, i.frequency
            from source_indicator si
            join indicator i on i.id = si.indicator_id
            where si.source_id = @SourceId
            order by i.code
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SourceIndicator>(new CommandDefinition(sql, new { SourceId = sourceId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Why the system switched the source off (Swedish), or null when it did not.</summary>
    public async Task<string?> DisabledReasonAsync(int sourceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select disabled_reason from source where id = @SourceId and not enabled", new { SourceId = sourceId }, cancellationToken: cancellationToken));
    }

    /// <summary>The ids of all areas, to reject rows for an area we do not know.</summary>
    public async Task<IReadOnlySet<string>> AreaIdsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition("select id from area", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
    }
}
