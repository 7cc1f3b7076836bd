using Indicators.Core.Plans;

namespace Indicators.Data.Indicators;

/// <summary>
/// Everything an analyst saves at once for an indicator: its properties, the mål it follows up (in any plan version of
/// its organisation) and its målvärden in the plan versions listed in <see cref="Versions"/>. Versions not listed keep
/// their målvärden. Errors name fields by path: "Code", "GoalIds", "Versions[0].Targets[2].BandMin". A change that concerns an
/// adopted (fastställd) version – its målvärden, tolerances, links, or the indicator's direction – is a justering and needs
/// <see cref="AdjustmentReason"/> (refused in field "AdjustmentReason" without one).
/// </summary>
public sealed record IndicatorEdit(IndicatorDraft Indicator, IReadOnlyList<int> GoalIds, IReadOnlyList<VersionTargets> Versions, string? AdjustmentReason = null);

/// <summary>The whole set of an indicator's målvärden in one plan version; saving replaces the stored set.</summary>
public sealed record VersionTargets(int PlanVersionId, IReadOnlyList<TargetDraft> Targets);

/// <summary>An indicator as the audit log records it: its stored fields, the committee by code, areas by id, goals by code.</summary>
public sealed record IndicatorState(
    string Organisation, string Code, string Name, string? Description, string Unit, int Decimals, string Direction, string Frequency,
    string Aggregation, bool GenderSplit, decimal? Tolerance, string? ToleranceKind, decimal TrendMinDifference, string? SourceDescription,
    string? KpiId, string? OwnerCommittee, string PrimaryArea, IReadOnlyList<string> ComparisonAreas, IReadOnlyList<LinkedGoal> Goals,
    string? CountedNoun = null);

/// <summary>A mål an indicator follows up, named as people know it: plan, version and the mål's code.</summary>
public sealed record LinkedGoal(string Plan, string Version, string Code);

/// <summary>A målvärde as the audit log records it. <see cref="Gender"/> is T (totalt), K or M.</summary>
public sealed record TargetState(
    string Indicator, string Plan, string Version, int Year, string Gender, decimal? Value, decimal? BandMin, decimal? BandMax,
    decimal? Tolerance, string? ToleranceKind, string? Provenance, bool IsExample);
