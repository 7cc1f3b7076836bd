using Indicators.Core.Plans;

namespace Indicators.Core.CommitteePlans;

/// <summary>
/// A nämnd's plan under a regionplan version (HSN's "Verksamhetsplan 2025 (2026–2027)") as its readers see it: its
/// delmål, each under the regionplan mål it breaks down, with their indicators. The adoption record is optional.
/// </summary>
public sealed record CommitteePlanOverview(
    int Id,
    int CommitteeId,
    string CommitteeName,
    string Name,
    int StartYear,
    int EndYear,
    string? DecidedBy,
    DateOnly? DecidedOn,
    string? DecisionSection,
    IReadOnlyList<SubGoalOverview> SubGoals)
{
    public IEnumerable<SubGoalOverview> Under(int goalId) => SubGoals.Where(s => s.GoalId == goalId);
}

/// <summary>
/// A delmål with its indicators. Each indicator carries the målvärden it is judged against in the nämndplan
/// (<see cref="SubGoalTargets.Overlay"/>): the nämndplan's own for a year and gender where it has one, else the
/// regionplan version's.
/// </summary>
public sealed record SubGoalOverview(int Id, int GoalId, string Code, string Name, string? Description, int SortOrder, IReadOnlyList<IndicatorOverview> Indicators);

/// <summary>How a nämndplan's målvärden meet the regionplan's for one indicator.</summary>
public static class SubGoalTargets
{
    /// <summary>
    /// The målvärden a delmål's indicator is judged against: for each year and gender the nämndplan's målvärde where it
    /// sets one (the nämnd's own, often stricter or earlier, level), otherwise the regionplan version's, so a delmål that
    /// only reuses an indicator is judged as the regionplan judges it.
    /// </summary>
    public static IReadOnlyList<TargetValue> Overlay(IReadOnlyList<TargetValue> regionPlan, IReadOnlyList<TargetValue> committeePlan)
    {
        ArgumentNullException.ThrowIfNull(regionPlan);
        ArgumentNullException.ThrowIfNull(committeePlan);
        var own = committeePlan.Select(t => (t.Year, t.Gender)).ToHashSet();
        return [.. committeePlan.Concat(regionPlan.Where(t => !own.Contains((t.Year, t.Gender))))
            .OrderBy(t => t.Year).ThenBy(t => t.Gender.HasValue).ThenBy(t => t.Gender)];
    }
}
