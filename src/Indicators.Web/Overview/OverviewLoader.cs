using Indicators.Core.Organisations;
using Indicators.Core.Plans;
using Indicators.Data.Plans;
using Indicators.Data.Reports;

namespace Indicators.Web.Overview;

/// <summary>
/// Reads one plan overview for a request and shapes it: the plans to choose among (one query) and the plan itself
/// (<see cref="PlanQueries.GetOverviewAsync"/>, a fixed number of queries) with the nämnder's decided assessments of its goals
/// (<see cref="DecidedAssessmentQueries.LatestAsync"/>, one query). A period outside the plan's years falls back to
/// the default with a notice. Only the plans of the user's organisations are offered (issue 21); without a chosen plan the
/// one the user chose last (<see cref="RememberedPlan"/>) opens, if it is still among them.
/// </summary>
public static class OverviewLoader
{
    public static async Task<(IReadOnlyList<PlanChoice> Plans, OverviewModel? Model)> LoadAsync(
        PlanQueries queries, DecidedAssessmentQueries decided, int? planId, OverviewFilter filter, OrganisationScope organisations, int? rememberedPlanId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(filter);
        var plans = await queries.ListPlansAsync(organisations, cancellationToken);
        var choice = plans.FirstOrDefault(p => p.PlanId == planId) ?? (planId is null ? plans.FirstOrDefault(p => p.PlanId == rememberedPlanId) : null);
        if (planId is not null && choice is null)
        {
            filter = filter with { Notices = [.. filter.Notices, "Planen finns inte; den senaste planen visas i stället."] };
        }

        choice ??= plans.Count > 0 ? plans[0] : null;
        if (choice is null)
        {
            return (plans, null);
        }

        return (plans, await LoadPlanAsync(queries, decided, choice.PlanId, choice.StartYear, choice.EndYear, filter, cancellationToken));
    }

    /// <summary>A known plan, its years given: the period checked against them, then the overview read and shaped.</summary>
    public static async Task<OverviewModel?> LoadPlanAsync(
        PlanQueries queries, DecidedAssessmentQueries decided, int planId, int startYear, int endYear, OverviewFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Period is { } period && (period.Year < startYear || period.Year > endYear))
        {
            filter = filter with
            {
                Period = null,
                Notices = [.. filter.Notices, $"{period.SwedishName} ligger utanför planperioden {startYear}–{endYear}; den senaste perioden visas i stället."],
            };
        }

        ArgumentNullException.ThrowIfNull(decided);
        var overview = await queries.GetOverviewAsync(planId, filter.Period, cancellationToken);
        if (overview is null)
        {
            return null;
        }

        var goalIds = overview.GoalAreas.SelectMany(a => a.Goals).Select(g => g.Id).ToList();
        var decisions = await decided.LatestAsync(goalIds, overview.Period, cancellationToken);
        return OverviewModel.Build(overview, filter, DateTimeOffset.UtcNow, decisions);
    }
}
