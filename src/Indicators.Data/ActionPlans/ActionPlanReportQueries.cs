using Dapper;
using Indicators.Core.Formatting;
using Indicators.Core.Reports;
using Npgsql;

namespace Indicators.Data.ActionPlans;

/// <summary>
/// The åtgärdsplaner of a report period's plan version with each åtgärd's follow-up in that period, as the nämnd's
/// report shows them (<see cref="ReportActionPlanBuilder"/>): the plans are read by <see cref="ActionPlanQueries"/>, as
/// the pages read them; this adds who saved each follow-up and its version (the form's concurrency check).
/// </summary>
static class ActionPlanReportQueries
{
    static readonly StringComparer SwedishOrder = StringComparer.Create(SwedishFormat.Culture, ignoreCase: false);

    /// <summary>
    /// The plans of <paramref name="committeeId"/> (every nämnd's with null) in the plan version, for the period's year,
    /// ordered by nämnd and the plan's order; with <paramref name="measureId"/> only the plan holding that åtgärd.
    /// </summary>
    public static async Task<IReadOnlyList<ReportActionPlan>> ReadAsync(
        NpgsqlConnection connection, int periodId, int planVersionId, int year, int? committeeId, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null, int? measureId = null)
    {
        var plans = (await ActionPlanQueries.ForReportAsync(connection, transaction, planVersionId, committeeId, periodId, cancellationToken))
            .Where(p => measureId is null || p.Measures.Any(m => m.Id == measureId))
            .OrderBy(p => p.CommitteeName, SwedishOrder).ThenBy(p => p.CommitteeId)
            .ToList();
        if (plans.Count == 0)
        {
            return [];
        }

        const string followUpsSql = """
            select measure_id as MeasureId, version, user_display_name(updated_by) as UpdatedBy, updated_at as UpdatedAt
            from action_measure_follow_up
            where report_period_id = @PeriodId and measure_id = any (@MeasureIds)
            """;
        var measureIds = plans.SelectMany(p => p.Measures.Select(m => m.Id)).ToArray();
        var saved = (await connection.QueryAsync<FollowUpRow>(new CommandDefinition(
            followUpsSql, new { PeriodId = periodId, MeasureIds = measureIds }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(f => f.MeasureId);
        return [.. plans.Select(p => ReportActionPlanBuilder.Build(p.Id, p.CommitteeId, p.CommitteeName, p.Plan, year,
            [.. p.Measures.Select(m => saved.TryGetValue(m.Id, out var f)
                ? new ActionMeasureKey(m.Id, f.Version, f.UpdatedBy, DbTime.Utc(f.UpdatedAt))
                : new ActionMeasureKey(m.Id, 0, null, null))]))];
    }

    sealed record FollowUpRow(int MeasureId, int Version, string? UpdatedBy, DateTime UpdatedAt);
}
