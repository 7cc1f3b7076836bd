namespace Indicators.Data.PlanCode;

/// <summary>
/// A plan as one document (format <see cref="Format"/>): the plan, its versions with målområden, mål and målvärden, and the
/// committees, areas, indicators and sources it uses. Everything is named by natural keys (codes and names), never by
/// database ids, so a document moves between installations.
/// </summary>
public sealed record PlanDocument(
    PlanPart Plan,
    IReadOnlyList<AreaPart> Areas,
    IReadOnlyList<CommitteePart> Committees,
    IReadOnlyList<IndicatorPart> Indicators,
    IReadOnlyList<VersionPart> Versions,
    IReadOnlyList<SourcePart> Sources)
{
    public const string Format = "indicators-plan/1";
}

/// <summary>The plan, found by its organisation's area and its name.</summary>
public sealed record PlanPart(string Area, string Name, string? Vision, int StartYear, int EndYear);

/// <summary>An area the plan uses (its organisation, indicators' primary and comparison areas), by its id (Kolada's where there is one).</summary>
public sealed record AreaPart(string Id, string Name, string ShortName, string Kind);

/// <summary>A nämnd of the plan's organisation, by its code.</summary>
public sealed record CommitteePart(string Code, string Name);

/// <summary>
/// A plan version, by its name within the plan. Goal areas and goals keep the document's order. Without
/// <see cref="GoalRule"/> the version's goal suggestions follow the default rule. <see cref="Justering"/> is the reason for the
/// changes this import makes to the målvärden, tolerances, links and directions of an adopted (fastställd) version; an
/// import that would change them without one is refused. It is not stored with the version and not exported.
/// <see cref="Assignments"/> null (the key left out) leaves the version's uppdrag as they are.
/// </summary>
/// <remarks><see cref="CommitteePlans"/>: the version's nämndplaner (<see cref="CommitteePlanPart"/>); null when the document does not say,
/// which leaves the stored ones as they are.</remarks>
public sealed record VersionPart(
    string Name, string Kind, string? Author, DateOnly? DecidedOn, bool Current,
    IReadOnlyList<GoalAreaPart> GoalAreas, IReadOnlyList<TargetPart> Targets, GoalRulePart? GoalRule = null, string? Justering = null,
    IReadOnlyList<AssignmentPart>? Assignments = null, IReadOnlyList<ActionPlanPart>? ActionPlans = null,
    IReadOnlyList<CommitteePlanPart>? CommitteePlans = null);

/// <summary>
/// A version's settings of the goal suggestion (<see cref="Core.Attainment.GoalRule"/>): the shares in per cent and the
/// indicators whose weight is not 1.
/// </summary>
public sealed record GoalRulePart(decimal MetShare, decimal NotMetShare, IReadOnlyList<WeightPart> Weights)
{
    public static GoalRulePart Default { get; } = new(Core.Attainment.GoalRule.DefaultMetShare, Core.Attainment.GoalRule.DefaultNotMetShare, []);

    public bool IsDefault => MetShare == Default.MetShare && NotMetShare == Default.NotMetShare && Weights.All(w => w.Weight == Core.Attainment.GoalRule.DefaultWeight);
}

/// <summary>An indicator's weight in a version's goal suggestions, by its code.</summary>
public sealed record WeightPart(string Indicator, decimal Weight);

public sealed record GoalAreaPart(string Code, string Name, string? Description, string Kind, IReadOnlyList<GoalPart> Goals);

/// <summary>A mål with its owner and contributing committees and the indicators that follow it up (codes, in order).</summary>
public sealed record GoalPart(
    string Code, string Name, string? Description, string? Owner, IReadOnlyList<string> Contributors, IReadOnlyList<string> Indicators);

/// <summary>A målvärde of one version: per indicator, year and gender (null = totalt).</summary>
public sealed record TargetPart(
    string Indicator, int Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax,
    decimal? Tolerance, string? ToleranceKind, string? Provenance, bool Example);

/// <summary>An indicator of the plan's organisation, by its code; every property of <see cref="Core.Plans.IndicatorDraft"/>.</summary>
public sealed record IndicatorPart(
    string Code, string Name, string? Description, string Unit, int Decimals, string Direction, string Frequency, string Aggregation,
    bool GenderSplit, decimal? Tolerance, string? ToleranceKind, decimal TrendMinDifference, string? SourceDescription, string? KpiId,
    string? Owner, string PrimaryArea, IReadOnlyList<string> ComparisonAreas, string? CountedNoun = null);

/// <summary>
/// A source that feeds the plan's indicators, by its name. <see cref="Settings"/> is its settings as JSON text; its secret
/// (API key, password) is never part of a document, and an import leaves a stored secret as it is.
/// </summary>
public sealed record SourcePart(
    string Name, string Kind, string Cron, string? FullRefreshCron, string TimeZone, bool Enabled, string Settings, IReadOnlyList<string> Indicators);

/// <summary>Where something is in a document: 1-based line and column.</summary>
public sealed record Where(int Line, int Column);

/// <summary>One thing wrong with a document, in Swedish, with where it is.</summary>
public sealed record PlanCodeError(int Line, int Column, string Message)
{
    public override string ToString() => $"Rad {Line}, kolumn {Column}: {Message}";
}

/// <summary>One change an import made (or would make): "create", "update" or "delete" of an entity named by its natural key.</summary>
public sealed record PlanCodeChange(string Action, string Entity, string Key);

/// <summary>
/// What an import did (or, in a dry run, would do): the plan it concerns and each change; or why it was refused. SourceIds are
/// the imported sources, whose schedules the caller brings in line after a real import.
/// </summary>
public sealed record PlanImportResult(
    bool DryRun, int? PlanId, string? PlanName, IReadOnlyList<PlanCodeChange> Changes, IReadOnlyList<PlanCodeError> Errors, IReadOnlyList<int> SourceIds)
{
    public bool Succeeded => Errors.Count == 0;

    public int Count(string action) => Changes.Count(c => c.Action == action);
}
