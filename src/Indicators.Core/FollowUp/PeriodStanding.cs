using Indicators.Core.Attainment;
using Indicators.Core.Periods;
using Indicators.Core.Plans;

namespace Indicators.Core.FollowUp;

/// <summary>
/// How an indicator stands in a follow-up period: the outcome the period is judged by, its status against the period's
/// målvärde, its trend, the progress toward the plan's end target and the recent values for a sparkline.
/// </summary>
/// <param name="Period">The period judged.</param>
/// <param name="Outcome">The outcome judged; null when there is none up to the period's end.</param>
/// <param name="IsLagging">The outcome is from an earlier year because the period's own is not yet published.</param>
/// <param name="Target">The period year's målvärde as the rules take it; null when the plan has none.</param>
/// <param name="Status">The outcome against <paramref name="Target"/>.</param>
/// <param name="Trend">Against the same period a year earlier; null when that has no outcome.</param>
/// <param name="Progress">Toward the plan's end target (or without one).</param>
/// <param name="Recent">The latest values of the outcome's kind of period, oldest first, up to the outcome.</param>
public sealed record PeriodStanding(
    FollowUpPeriod Period,
    Outcome? Outcome,
    bool IsLagging,
    Target? Target,
    StatusResult Status,
    TrendResult? Trend,
    ProgressResult Progress,
    IReadOnlyList<Outcome> Recent);

/// <summary>
/// The rule that picks the outcome a follow-up period is judged by.
/// <list type="number">
/// <item>Among the outcomes inside the period (its year, ending no later than its last month) the one reaching furthest
/// wins, and of those the one covering most: the year before december, jan–aug before august.</item>
/// <item>When the period has none yet (annual statistics are published the year after), the newest earlier outcome is
/// used and judged against the period's målvärde; the explanation says so. This is how a delårsrapport compares last year's
/// published figure with this year's målvärde.</item>
/// </list>
/// Progress (<see cref="ProgressMeasure"/>) runs on comparable yearly values up to the period (<see cref="ComparableValues"/>:
/// annual values, or rolling 12 months or the same period each year for a monthly, quarterly or tertial indicator), from
/// the year before the plan's first year (the plan's starting point) to the plan's last year and its målvärde.
/// </summary>
public static class PeriodStandingRule
{
    /// <summary>How many values the sparkline shows: two years of months, eight years of years.</summary>
    public const int RecentMonths = 24;

    public const int RecentOthers = 8;

    public static PeriodStanding Judge(IndicatorOverview indicator, IEnumerable<Outcome> series, FollowUpPeriod period, int planStartYear, int planEndYear)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(series);
        var known = series.Where(o => o.Period.Year < period.Year || period.Covers(o.Period)).OrderBy(o => o.Period).ToList();
        var target = indicator.RuleTargetFor(period.Year);
        var progress = Progress(indicator, known, planStartYear, planEndYear);

        var inPeriod = known.Where(o => period.Covers(o.Period))
            .OrderByDescending(o => o.Period.LastMonth).ThenByDescending(o => o.Period.Months)
            .FirstOrDefault();
        var outcome = inPeriod ?? known.LastOrDefault();
        if (outcome is null)
        {
            return new PeriodStanding(period, null, false, target,
                StatusRule.NotAssessable(NotAssessableReason.NoValue, null), null, progress, []);
        }

        var lagging = inPeriod is null;
        var status = StatusRule.Assess(indicator.Rule, outcome, target);
        if (lagging)
        {
            status = status with
            {
                Explanation = $"Utfall för {period.Year} är ännu inte publicerat; det senaste utfallet ({outcome.Period.SwedishName}) "
                    + $"jämförs med målvärdet för {period.Year}. {status.Explanation}",
            };
        }

        var yearEarlier = TrendRule.YearEarlier(outcome.Period);
        var previous = known.FirstOrDefault(o => o.Period == yearEarlier);
        var trend = previous is null ? null
            : TrendRule.Compare(indicator.Rule, outcome, previous, indicator.TrendMinDifference,
                indicator.Direction == Direction.WithinBand ? target : null);

        var recent = known.Where(o => o.Period.Kind == outcome.Period.Kind && o.Period <= outcome.Period)
            .TakeLast(outcome.Period.Kind == PeriodKind.Month ? RecentMonths : RecentOthers)
            .ToList();
        return new PeriodStanding(period, outcome, lagging, target, status, trend, progress, recent);
    }

    static ProgressResult Progress(IndicatorOverview indicator, IReadOnlyList<Outcome> known, int planStartYear, int planEndYear)
    {
        var endTarget = indicator.RuleTargetFor(planEndYear);
        return ProgressMeasure.Measure(known, indicator.Aggregation, new ProgressOptions(
            planStartYear - 1, planEndYear, indicator.Direction, endTarget is { IsBand: false } single ? single.Value : null,
            Display: indicator.Rule));
    }
}
