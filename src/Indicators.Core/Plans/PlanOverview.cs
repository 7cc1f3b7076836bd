using Indicators.Core.Attainment;
using Indicators.Core.Formatting;
using Indicators.Core.FollowUp;
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
    IReadOnlyList<GoalAreaOverview> GoalAreas,
    FollowUpPeriod Period,
    GoalRule? ConfiguredRule = null)
{
    /// <summary>The version's settings of the goal suggestion (<see cref="GoalAssessmentRule"/>), the default when none are read.</summary>
    public GoalRule Rule => ConfiguredRule ?? GoalRule.Default;

    public IEnumerable<int> Years => Enumerable.Range(StartYear, EndYear - StartYear + 1);

    /// <summary>The periods this plan can be followed up for, newest first.</summary>
    public IReadOnlyList<FollowUpPeriod> Periods => FollowUpPeriod.ForPlan(StartYear, EndYear);

    /// <summary>The version's nämndplaner with their delmål (issue 20); none when it has none.</summary>
    public IReadOnlyList<CommitteePlans.CommitteePlanOverview> CommitteePlans { get; init; } = [];

    /// <summary>
    /// The delmål that break down <paramref name="goal"/> in its owner nämnd's plans: what the nämnd's suggestion of the
    /// mål starts from (<see cref="Indicators.Core.CommitteePlans.SubGoalSuggestion"/>). None for a mål without an owner.
    /// </summary>
    public IReadOnlyList<CommitteePlans.SubGoalOverview> OwnerSubGoals(GoalOverview goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return [.. CommitteePlans.Where(p => p.CommitteeId == goal.OwnerCommitteeId).SelectMany(p => p.Under(goal.Id))];
    }

    /// <summary>Every indicator of the plan once, in plan order (an indicator can follow up more than one goal).</summary>
    public IEnumerable<IndicatorOverview> Indicators =>
        GoalAreas.SelectMany(a => a.Goals).SelectMany(g => g.Indicators).DistinctBy(i => i.Id);
}

public sealed record GoalAreaOverview(int Id, string Code, string Name, bool IsPrerequisite, IReadOnlyList<GoalOverview> Goals);

public sealed record GoalOverview(
    int Id, string Code, string Name, string? OwnerCommittee, IReadOnlyList<IndicatorOverview> Indicators,
    int? OwnerCommitteeId = null, string? Description = null);

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
    IReadOnlyList<Outcome>? Series = null,
    IReadOnlyList<IndicatorSource>? Sources = null,
    int? OwnerCommitteeId = null,
    string? OwnerCommittee = null,
    decimal GoalWeight = GoalRule.DefaultWeight,
    string? CountedNoun = null)
{
    /// <summary>The unit shown after the indicator's values ("invånare" for a count of inhabitants, else the unit).</summary>
    public string ShownUnit => SwedishFormat.ShownUnit(Unit, CountedNoun);

    /// <summary>The indicator's total outcomes for the plan's area, oldest first.</summary>
    public IReadOnlyList<Outcome> Outcomes => Series ?? [];

    /// <summary>The sources configured to deliver the indicator's outcomes.</summary>
    public IReadOnlyList<IndicatorSource> SourceStates => Sources ?? [];

    public TargetValue? TargetFor(int year) => Targets.FirstOrDefault(t => t.Year == year && t.Gender is null);

    /// <summary>What the attainment rules need to know about this indicator.</summary>
    public IndicatorRule Rule => new(Direction, Unit, Decimals, Aggregation, Tolerance, CountedNoun);

    /// <summary>The målvärde (or band) for a year as the rules take it; null when the plan has none for that year.</summary>
    public Target? RuleTargetFor(int year) => TargetFor(year) switch
    {
        { Value: { } value } => Target.Of(value),
        { BandMin: { } min, BandMax: { } max } => Target.Band(min, max),
        _ => null,
    };

    /// <summary>How the indicator stands in a follow-up period of a plan (see <see cref="PeriodStandingRule"/>).</summary>
    public PeriodStanding StandingIn(FollowUpPeriod period, int planStartYear, int planEndYear) =>
        PeriodStandingRule.Judge(this, Outcomes, period, planStartYear, planEndYear);

    /// <summary>The indicator's part in its goals' suggestion (<see cref="GoalAssessmentRule"/>), from how it stands, with its weight.</summary>
    public IndicatorJudgement Judgement(PeriodStanding standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        return new(Name, standing.Status.Status, standing.Trend?.Trend ?? Trend.NotAssessable, standing.Progress.Category, GoalWeight);
    }
}

/// <summary>
/// A source that delivers an indicator, with its schedule and its last run, so pages can say how fresh the data is. A run
/// that failed on a quarantined file is not the last run here: <see cref="QuarantinedFileId"/> names such a file instead,
/// for the indicators its rows name only.
/// </summary>
public sealed record IndicatorSource(
    int SourceId, string Name, string Kind, string Cron, string TimeZone, bool Enabled,
    string? LastRunStatus, DateTimeOffset? LastRunAt, string? LastRunMessage, DateTimeOffset? LastSuccessAt, long? QuarantinedFileId = null);

/// <summary>A målvärde; a band has <see cref="BandMin"/> and <see cref="BandMax"/> instead of <see cref="Value"/>.</summary>
public sealed record TargetValue(int Year, Gender? Gender, decimal? Value, decimal? BandMin, decimal? BandMax, bool IsExample, string? Provenance);

/// <summary>A plan that can be chosen on the start page.</summary>
public sealed record PlanChoice(int PlanId, string Name, string AreaName, int StartYear, int EndYear);
