namespace Indicators.Data.PlanCode;

/// <summary>
/// A nämnd's åtgärdsplan in a version, found by the nämnd's code and the plan's name: its years (Ram, Utgångspunkt/resultat,
/// required effect) and its åtgärder in order, each with its planned effect per year.
/// </summary>
public sealed record ActionPlanPart(
    string Committee, string Name, string? Description, string Unit, bool Example, IReadOnlyList<ActionPlanYearPart> Years,
    IReadOnlyList<ActionMeasurePart> Measures);

public sealed record ActionPlanYearPart(int Year, decimal? Frame, decimal? StartingResult, decimal? RequiredEffect);

/// <summary>An åtgärd by its name within its plan, with its planned effect per year (ascending years).</summary>
public sealed record ActionMeasurePart(string Name, string? Description, IReadOnlyList<ActionMeasureEffectPart> Planned);

public sealed record ActionMeasureEffectPart(int Year, decimal Planned);
