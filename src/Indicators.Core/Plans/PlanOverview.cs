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
    IReadOnlyList<TargetValue> Targets)
{
    public TargetValue? TargetFor(int year) => Targets.FirstOrDefault(t => t.Year == year && t.Gender is null);
}

/// <summary>A målvärde; a band has <see cref="BandMin"/> and <see cref="BandMax"/> instead of <see cref="Value"/>.</summary>
public sealed record TargetValue(int Year, Gender? Gender, decimal? Value, decimal? BandMin, decimal? BandMax, bool IsExample, string? Provenance);

/// <summary>A plan that can be chosen on the start page.</summary>
public sealed record PlanChoice(int PlanId, string Name, string AreaName, int StartYear, int EndYear);
