using Indicators.Core.Attainment;
using Indicators.Core.Observations;

namespace Indicators.Core.Plans;

/// <summary>A plan as its readers see it first: målområden → mål → indikatorer with målvärden per year.</summary>
public sealed record PlanOverview(
    int PlanId,
    string Name,
    string? Vision,
    string AreaName,
    int StartYear,
    int EndYear,
    string VersionName,
    bool IsDemo,
    IReadOnlyList<GoalAreaOverview> GoalAreas)
{
    public IEnumerable<int> Years => Enumerable.Range(StartYear, EndYear - StartYear + 1);
}

public sealed record GoalAreaOverview(int Id, string Code, string Name, bool IsPrerequisite, IReadOnlyList<GoalOverview> Goals);

public sealed record GoalOverview(int Id, string Code, string Name, string? OwnerCommittee, IReadOnlyList<IndicatorOverview> Indicators);

public sealed record IndicatorOverview(
    int Id,
    string Code,
    string Name,
    string Unit,
    int Decimals,
    Direction Direction,
    bool GenderSplit,
    bool IsDemo,
    IReadOnlyList<TargetValue> Targets,
    Aggregation Aggregation = Aggregation.Rate,
    Tolerance? Tolerance = null,
    decimal TrendMinDifference = 0,
    LatestOutcome? Latest = null)
{
    public TargetValue? TargetFor(int year) => Targets.FirstOrDefault(t => t.Year == year && t.Gender is null);

    /// <summary>What the attainment rules need to know about this indicator.</summary>
    public IndicatorRule Rule => new(Direction, Unit, Decimals, Aggregation, Tolerance);

    /// <summary>The målvärde (or band) for a year as the rules take it; null when the plan has none for that year.</summary>
    public Target? RuleTargetFor(int year) => TargetFor(year) switch
    {
        { Value: { } value } => Target.Of(value),
        { BandMin: { } min, BandMax: { } max } => Target.Band(min, max),
        _ => null,
    };

    /// <summary>The latest outcome judged against its year's målvärde, and against the same period a year earlier.</summary>
    public IndicatorStanding Standing()
    {
        if (Latest?.Outcome is not { } outcome)
        {
            return new IndicatorStanding(null, StatusRule.NotAssessable(NotAssessableReason.NoValue, null), null);
        }

        var target = RuleTargetFor(outcome.Period.Year);
        var status = StatusRule.Assess(Rule, outcome, target);
        var trend = Latest.YearEarlier is { } previous
            ? TrendRule.Compare(Rule, outcome, previous, TrendMinDifference, Direction == Direction.WithinBand ? target : null)
            : null;
        return new IndicatorStanding(outcome, status, trend);
    }
}

/// <summary>An indicator's latest outcome (total, the plan's own area), the same period a year earlier, and when it was stored.</summary>
public sealed record LatestOutcome(Outcome Outcome, Outcome? YearEarlier, DateTimeOffset UpdatedAt);

/// <summary>The status (and trend, when a year-earlier outcome exists) of an indicator's latest outcome.</summary>
public sealed record IndicatorStanding(Outcome? Outcome, StatusResult Status, TrendResult? Trend);

/// <summary>A målvärde; a band has <see cref="BandMin"/> and <see cref="BandMax"/> instead of <see cref="Value"/>.</summary>
public sealed record TargetValue(int Year, Gender? Gender, decimal? Value, decimal? BandMin, decimal? BandMax, bool IsExample, string? Provenance);

/// <summary>A plan that can be chosen on the start page.</summary>
public sealed record PlanChoice(int PlanId, string Name, string AreaName, int StartYear, int EndYear);
