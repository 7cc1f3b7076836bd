using Indicators.Core.Attainment;
using Indicators.Core.Formatting;

namespace Indicators.Core.ActionPlans;

/// <summary>
/// One year of a nämnd's economic action plan (seed 003 §4.2.2): the economic frame (Ekonomisk ram), the result the
/// year starts from (Utgångspunkt/resultat, a deficit is negative) and the effect the åtgärder must give that year
/// (Åtgärder handlingsplan, the "Uppdrag" row of §4.2.3). Any of them may be unknown.
/// </summary>
public sealed record ActionPlanYear(int Year, decimal? Frame, decimal? StartingResult, decimal? RequiredEffect)
{
    /// <summary>The result after the year's required effect (Underskott): starting result + required effect.</summary>
    public decimal? ResultAfter => StartingResult is { } start ? start + (RequiredEffect ?? 0) : null;
}

/// <summary>
/// An åtgärd (åtgärdsområde) with its planned effect per year and, where followed up, the realised effect so far and
/// the forecast for the year (from the report period being read).
/// </summary>
public sealed record ActionMeasure(
    string Name,
    IReadOnlyDictionary<int, decimal> Planned,
    decimal? Realised = null,
    decimal? Forecast = null,
    string Comment = "",
    bool IsExample = false);

/// <summary>A nämnd's economic action plan: its years and its åtgärder, amounts in <see cref="Unit"/> (mnkr).</summary>
public sealed record ActionPlan(string Name, string Unit, IReadOnlyList<ActionPlanYear> Years, IReadOnlyList<ActionMeasure> Measures)
{
    /// <summary>Every year the plan names: its years and the years its åtgärder plan for, ascending.</summary>
    public IReadOnlyList<int> AllYears =>
        Years.Select(y => y.Year).Concat(Measures.SelectMany(m => m.Planned.Keys)).Distinct().Order().ToList();

    /// <summary>The years with planned effects (the §4.2.3 table's columns), ascending.</summary>
    public IReadOnlyList<int> MeasureYears => Measures.SelectMany(m => m.Planned.Keys).Distinct().Order().ToList();
}

/// <summary>
/// The action plan's sums, stated once (the table, the chart, the report and both exports read them from here):
/// <list type="bullet">
/// <item>planned (SUMMA) = the åtgärder's planned effects in the year added up; a year none plans for is 0;</item>
/// <item>required (Uppdrag) = the year's required effect, unknown if the plan gives none;</item>
/// <item>deviation (Avvikelse) = planned − required: positive means more planned than required;</item>
/// <item>over a span of years each of them is the sum of the years; the deviation only where every year has a requirement.</item>
/// </list>
/// </summary>
public static class ActionPlanSums
{
    public static decimal Planned(ActionPlan plan, int year)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Measures.Sum(m => m.Planned.TryGetValue(year, out var v) ? v : 0m);
    }

    public static decimal? Required(ActionPlan plan, int year)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Years.FirstOrDefault(y => y.Year == year)?.RequiredEffect;
    }

    public static decimal? Deviation(ActionPlan plan, int year) => Required(plan, year) is { } required ? Planned(plan, year) - required : null;

    public static decimal PlannedTotal(ActionPlan plan, IEnumerable<int> years) => years.Sum(y => Planned(plan, y));

    public static decimal? RequiredTotal(ActionPlan plan, IEnumerable<int> years)
    {
        var required = years.Select(y => Required(plan, y)).ToList();
        return required.Count > 0 && required.All(r => r is not null) ? required.Sum(r => r!.Value) : null;
    }

    public static decimal? DeviationTotal(ActionPlan plan, IReadOnlyList<int> years) =>
        RequiredTotal(plan, years) is { } required ? PlannedTotal(plan, years) - required : null;

    /// <summary>The sum of the åtgärder's forecasts for the period's year; null when none has a forecast.</summary>
    public static decimal? Forecast(ActionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var forecasts = plan.Measures.Where(m => m.Forecast is not null).ToList();
        return forecasts.Count == 0 ? null : forecasts.Sum(m => m.Forecast!.Value);
    }

    /// <summary>The sum of the åtgärder's realised effects so far; null when none is reported.</summary>
    public static decimal? Realised(ActionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var realised = plan.Measures.Where(m => m.Realised is not null).ToList();
        return realised.Count == 0 ? null : realised.Sum(m => m.Realised!.Value);
    }

    /// <summary>
    /// The deficit's path to balance: the result each year starts from, and after the last year the result it ends
    /// with (−600 → −570 → −345 → −95 → 0 in seed 003). Years without a starting result are left out.
    /// </summary>
    public static IReadOnlyList<(string Label, decimal Result)> PathToBalance(ActionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var years = plan.Years.Where(y => y.StartingResult is not null).OrderBy(y => y.Year).ToList();
        var path = years.Select(y => (SwedishFormat.Year(y.Year), y.StartingResult!.Value)).ToList();
        if (years.Count > 0 && years[^1].ResultAfter is { } end)
        {
            path.Add(($"efter {SwedishFormat.Year(years[^1].Year)}", end));
        }

        return path;
    }
}

/// <summary>
/// How the year stands, in the status words of indicators: the åtgärder's forecast for the year against the
/// required effect. Forecast ≥ required → Uppnått; below it → Ej uppnått; no requirement or no forecast → Kan ej bedömas.
/// </summary>
public static class ActionPlanStatusRule
{
    public static (AttainmentStatus Status, string Explanation) Judge(ActionPlan plan, int year)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var required = ActionPlanSums.Required(plan, year);
        var forecast = ActionPlanSums.Forecast(plan);
        string Amount(decimal value) => SwedishFormat.WithUnit(value, 0, plan.Unit);
        if (required is not { } need)
        {
            return (AttainmentStatus.NotAssessable, $"Kan ej bedömas: planen anger inget krav på effekt för {SwedishFormat.Year(year)}.");
        }

        if (forecast is not { } expected)
        {
            return (AttainmentStatus.NotAssessable, $"Kan ej bedömas: ingen åtgärd har en prognos för {SwedishFormat.Year(year)}.");
        }

        return expected >= need
            ? (AttainmentStatus.Achieved, $"Uppnått: prognosen {Amount(expected)} når kravet {Amount(need)} för {SwedishFormat.Year(year)}.")
            : (AttainmentStatus.NotAchieved, $"Ej uppnått: prognosen {Amount(expected)} är {Amount(need - expected)} under kravet {Amount(need)} för {SwedishFormat.Year(year)}.");
    }
}
