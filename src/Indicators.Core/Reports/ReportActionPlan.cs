using System.Text.Json.Serialization;
using Indicators.Core.Attainment;

namespace Indicators.Core.Reports;

/// <summary>
/// A nämnd's åtgärdsplan as its report follows it up for the period's year (seed 003 §4.2.3): each åtgärd's planned
/// effect beside what it has realised so far and its forecast for the year, the sums (SUMMA), the required effect
/// (Uppdrag), the deviation (Avvikelse) of the plan and of the forecast, the status the forecast gives against the
/// requirement (<see cref="ActionPlans.ActionPlanStatusRule"/>) and the starting deficit's path to balance. Frozen with the
/// report: the figures are stored as they were computed, so a later change of the plan never rewrites a submitted report.
/// </summary>
/// <remarks><c>Deviation</c>: SUMMA − Uppdrag of the plan; <c>ForecastDeviation</c>: the forecast's sum − Uppdrag.</remarks>
public sealed record ReportActionPlan(
    int ActionPlanId,
    int CommitteeId,
    string CommitteeName,
    string Name,
    string Unit,
    int Year,
    IReadOnlyList<ReportActionMeasure> Measures,
    decimal Planned,
    decimal? Required,
    decimal? Deviation,
    decimal? Realised,
    decimal? Forecast,
    decimal? ForecastDeviation,
    AttainmentStatus Status,
    string StatusExplanation,
    IReadOnlyList<ReportBalanceStep> PathToBalance)
{
    /// <summary>Some follow-up of the plan is an invented example (the demo's).</summary>
    [JsonIgnore]
    public bool HasExample => Measures.Any(m => m.IsExample);
}

/// <summary>
/// One åtgärd of the plan in the period: its planned effect for the year (null when it plans none), the nämnd's
/// follow-up (realised so far, forecast for the year, comment) and the follow-up's <see cref="Version"/> (0 before any).
/// </summary>
public sealed record ReportActionMeasure(
    int MeasureId,
    string Name,
    decimal? Planned,
    decimal? Realised,
    decimal? Forecast,
    string Comment,
    bool IsExample = false,
    int Version = 0,
    string? UpdatedBy = null,
    DateTimeOffset? UpdatedAt = null);

/// <summary>A step of the deficit's path to balance: "2025" with the result the year starts from, or "efter 2027".</summary>
public sealed record ReportBalanceStep(string Label, decimal Result);

/// <summary>How the Åtgärdsplan section writes its amounts, in the page and the PDF alike.</summary>
public static class ActionPlanAmounts
{
    /// <summary>Whole amounts as the plan writes them ("235"), others with the decimals they have, at most two ("31,5").</summary>
    public static int Decimals(decimal value) =>
        value == Math.Round(value) ? 0 : value * 10 == Math.Round(value * 10) ? 1 : 2;

    /// <summary>"235", "−15", "31,5"; "–" for none.</summary>
    public static string Text(decimal? value) => value is { } v ? Formatting.SwedishFormat.Number(v, Decimals(v)) : "–";

    /// <summary>
    /// What the realised effect is called: "Utfall hittills" in a delårsrapport, "Utfall 2025" in an årsrapport, where
    /// it is the whole year's.
    /// </summary>
    public static string RealisedHeading(ReportKind kind, int year) =>
        kind == ReportKind.Annual ? $"Utfall {Formatting.SwedishFormat.Year(year)}" : "Utfall hittills";

    /// <summary>A deviation with its sign: "+15", "−15", "0"; "–" for none.</summary>
    public static string WithSign(decimal? value) => value is > 0 ? "+" + Text(value) : Text(value);
}
