using Dapper;
using Npgsql;

namespace Indicators.Data.Sources;

/// <summary>
/// The years the plans a source serves need: a plan's base year is the year before its first (progress toward the plan's
/// end target is measured from it, see PeriodStanding), so a source must deliver it for every plan whose indicators it feeds.
/// </summary>
public static class PlanBaseYears
{
    /// <summary>
    /// The earliest base year of the plans (any version) that link an indicator <paramref name="sourceId"/> feeds; null
    /// when its indicators are in no plan.
    /// </summary>
    public static async Task<int?> EarliestForSourceAsync(NpgsqlDataSource dataSource, int sourceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        const string sql = """
            select min(p.start_year)::int - 1
            from source_indicator si
            join goal_indicator gi on gi.indicator_id = si.indicator_id
            join goal g on g.id = gi.goal_id
            join goal_area ga on ga.id = g.goal_area_id
            join plan_version v on v.id = ga.plan_version_id
            join plan p on p.id = v.plan_id
            where si.source_id = @SourceId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(sql, new { SourceId = sourceId }, cancellationToken: cancellationToken));
    }
}
