using Indicators.Core.Attainment;
using Indicators.Core.FollowUp;

namespace Indicators.Web.Overview;

/// <summary>An indicator whose status is another than in the previous follow-up period.</summary>
public sealed record StatusChange(IndicatorRow Row, AttainmentStatus Previous)
{
    public AttainmentStatus Current => Row.Standing.Status.Status;

    /// <summary>Moved to a better status (uppnått is best, ej uppnått worst).</summary>
    public bool Improved => Rank(Current) < Rank(Previous);

    static int Rank(AttainmentStatus status) => status switch
    {
        AttainmentStatus.Achieved => 0,
        AttainmentStatus.PartlyAchieved => 1,
        _ => 2,
    };
}

/// <summary>
/// What ledning asks first, "where are we against the plan?", over every indicator of the plan whatever the filter shows:
/// <list type="bullet">
/// <item>how many indicators have each status;</item>
/// <item>the indicators whose status changed since the previous follow-up period (helår before delår of the same year,
/// the year before's helår before a delår), among those assessable in both — a change to or from "kan ej bedömas" says
/// that data is missing, not that things moved;</item>
/// <item>those that need attention: ej uppnått and trend sämre.</item>
/// </list>
/// </summary>
public sealed record PlanSummary(StatusCounts Counts, FollowUpPeriod PreviousPeriod, IReadOnlyList<StatusChange> Changed, IReadOnlyList<IndicatorRow> NeedsAttention)
{
    /// <summary>The period a follow-up compares with: a delår with the year before's helår, a helår with its own delår.</summary>
    public static FollowUpPeriod Previous(FollowUpPeriod period) =>
        period.IsInterim ? FollowUpPeriod.WholeYear(period.Year - 1) : FollowUpPeriod.Interim(period.Year);

    public static PlanSummary Of(OverviewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rows = model.AllRows;
        var previous = Previous(model.Period);
        var changed = rows
            .Select(r => new StatusChange(r, r.Indicator.StandingIn(previous, model.Plan.StartYear, model.Plan.EndYear).Status.Status))
            .Where(c => c.Previous != c.Current && c.Previous != AttainmentStatus.NotAssessable && c.Current != AttainmentStatus.NotAssessable)
            .OrderBy(c => c.Improved)
            .ToList();
        var attention = rows
            .Where(r => r.Standing.Status.Status == AttainmentStatus.NotAchieved && r.Standing.Trend?.Trend == Trend.Worse)
            .ToList();
        return new PlanSummary(StatusCounts.Of(rows), previous, changed, attention);
    }
}
