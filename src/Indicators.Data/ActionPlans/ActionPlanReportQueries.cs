using Dapper;
using Indicators.Core.ActionPlans;
using Indicators.Core.Reports;
using Npgsql;

namespace Indicators.Data.ActionPlans;

/// <summary>
/// Reads the åtgärdsplaner of a report period's plan version with each åtgärd's follow-up in that period, as the
/// nämnd's report shows them (<see cref="ReportActionPlanBuilder"/>). The report's own read: the åtgärdsplan pages have theirs.
/// </summary>
static class ActionPlanReportQueries
{
    /// <summary>
    /// The plans of <paramref name="committeeId"/> (every nämnd's with null) in the plan version, for the period's year,
    /// ordered by nämnd and the plan's order.
    /// </summary>
    public static async Task<IReadOnlyList<ReportActionPlan>> ReadAsync(
        NpgsqlConnection connection, int periodId, int planVersionId, int year, int? committeeId, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null, int? measureId = null)
    {
        const string plansSql = """
            select ap.id, ap.committee_id, c.name as CommitteeName, ap.name, ap.unit
            from action_plan ap
            join committee c on c.id = ap.committee_id
            where ap.plan_version_id = @PlanVersionId and (@CommitteeId::int is null or ap.committee_id = @CommitteeId)
              and (@MeasureId::int is null or exists (select 1 from action_measure m where m.action_plan_id = ap.id and m.id = @MeasureId))
            order by c.name, c.id, ap.sort_order, ap.name, ap.id
            """;
        const string yearsSql = """
            select action_plan_id as PlanId, year::int, frame, starting_result as StartingResult, required_effect as RequiredEffect
            from action_plan_year where action_plan_id = any (@PlanIds)
            """;
        const string measuresSql = """
            select m.id, m.action_plan_id as PlanId, m.name, f.realised, f.forecast, coalesce(f.comment, '') as Comment,
                   coalesce(f.is_example, false) as IsExample, coalesce(f.version, 0) as Version,
                   user_display_name(f.updated_by) as UpdatedBy, f.updated_at as UpdatedAt
            from action_measure m
            left join action_measure_follow_up f on f.measure_id = m.id and f.report_period_id = @PeriodId
            where m.action_plan_id = any (@PlanIds)
            order by m.sort_order, m.name, m.id
            """;
        const string effectsSql = """
            select e.measure_id as MeasureId, e.year::int, e.planned
            from action_measure_effect e join action_measure m on m.id = e.measure_id
            where m.action_plan_id = any (@PlanIds)
            """;
        CommandDefinition Command(string sql, object parameters) => new(sql, parameters, transaction, cancellationToken: cancellationToken);

        var plans = (await connection.QueryAsync<PlanRow>(Command(plansSql, new { PlanVersionId = planVersionId, CommitteeId = committeeId, MeasureId = measureId }))).AsList();
        if (plans.Count == 0)
        {
            return [];
        }

        var ids = new { PlanIds = plans.Select(p => p.Id).ToArray(), PeriodId = periodId };
        var years = (await connection.QueryAsync<YearRow>(Command(yearsSql, ids))).ToLookup(y => y.PlanId);
        var measures = (await connection.QueryAsync<MeasureRow>(Command(measuresSql, ids))).ToLookup(m => m.PlanId);
        var effects = (await connection.QueryAsync<EffectRow>(Command(effectsSql, ids))).ToLookup(e => e.MeasureId);
        return [.. plans.Select(p =>
        {
            var rows = measures[p.Id].ToList();
            var plan = new ActionPlan(p.Name, p.Unit,
                [.. years[p.Id].OrderBy(y => y.Year).Select(y => new ActionPlanYear(y.Year, y.Frame, y.StartingResult, y.RequiredEffect))],
                [.. rows.Select(m => new ActionMeasure(m.Name, effects[m.Id].ToDictionary(e => e.Year, e => e.Planned), m.Realised, m.Forecast, m.Comment, m.IsExample))]);
            return ReportActionPlanBuilder.Build(p.Id, p.CommitteeId, p.CommitteeName, plan, year,
                [.. rows.Select(m => new ActionMeasureKey(m.Id, m.Version, m.UpdatedBy, m.Version == 0 ? null : DbTime.Utc(m.UpdatedAt)))]);
        })];
    }

    sealed record PlanRow(int Id, int CommitteeId, string CommitteeName, string Name, string Unit);

    sealed record YearRow(int PlanId, int Year, decimal? Frame, decimal? StartingResult, decimal? RequiredEffect);

    sealed record MeasureRow(
        int Id, int PlanId, string Name, decimal? Realised, decimal? Forecast, string Comment, bool IsExample, int Version, string? UpdatedBy, DateTime? UpdatedAt);

    sealed record EffectRow(int MeasureId, int Year, decimal Planned);
}
