using System.Globalization;
using Indicators.Core.Formatting;
using Indicators.Core.Plans;

namespace Indicators.Core.Attainment;

/// <summary>
/// Progress toward the plan's end target: Open SDG's ProgressMeasure (sdg-build commit 6d3d128), as described in
/// reference/anchors-features.md b.1.
/// <list type="number">
/// <item>Years without a value are dropped; no values → kan ej bedömas.</item>
/// <item>A target of 0 is replaced by 0.001.</item>
/// <item>Current year = the latest year with a value. If the base year has no value: after the current year → kan ej bedömas;
/// otherwise the next year with a value becomes the base year. Current − base &lt; 1 → kan ej bedömas (fewer than two years).</item>
/// <item>CAGR(v1, v0, t1, t0) = (v1 / v0)^(1 / (t1 − t0)) − 1.</item>
/// <item>No target: value = CAGR(current, base), × −1 when lower is better; thresholds 0.015 / 0.005 / 0.</item>
/// <item>A target: målet nått when (lower is better and current ≤ target) or (higher is better and current ≥ target);
/// otherwise value = CAGR(current, base) / CAGR(target, base, target year, base year); thresholds 0.95 / 0.6 / 0.</item>
/// <item>value ≥ high → i fas; ≥ medium → behöver öka takten; ≥ low → begränsad utveckling; else försämring.</item>
/// </list>
/// Where Open SDG's formula fails we return kan ej bedömas with a reason instead: a base value of 0 (division by zero),
/// a negative base, current or target value (a growth rate across or below zero has no meaning; Python would give a
/// complex number or a misleading sign), a needed growth of 0 (target equal to the base value, or target year = base year),
/// and a band direction (Open SDG only knows higher and lower). The målet-nått check comes first, as in Open SDG.
/// </summary>
public static class ProgressMeasure
{
    /// <summary>Open SDG's replacement for a target of exactly 0.</summary>
    public const decimal ZeroTargetReplacement = 0.001m;

    public static ProgressResult Measure(IEnumerable<YearValue> series, ProgressOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);

        var values = new SortedDictionary<int, decimal>();
        foreach (var point in series)
        {
            if (point.Value is { } value && !values.TryAdd(point.Year, value))
            {
                throw new ArgumentException($"The series has two values for {point.Year}.", nameof(series));
            }
        }

        if (options.Direction == Direction.WithinBand)
        {
            return NotAssessable(NotAssessableReason.UndefinedForValues, "metoden kräver att högre eller lägre är bättre");
        }

        if (values.Count == 0)
        {
            return NotAssessable(NotAssessableReason.NoValue, "inga årsvärden");
        }

        var target = options.Target == 0 ? ZeroTargetReplacement : options.Target;
        var currentYear = values.Keys.Last();
        var baseYear = options.BaseYear;
        if (!values.ContainsKey(baseYear))
        {
            if (baseYear > currentYear)
            {
                return NotAssessable(NotAssessableReason.TooFewValues,
                    $"basåret {Year(baseYear)} ligger efter senaste året med värde ({Year(currentYear)})");
            }

            baseYear = values.Keys.First(year => year > baseYear);
        }

        if (currentYear - baseYear < 1)
        {
            return NotAssessable(NotAssessableReason.TooFewValues, $"färre än två år med värde från basåret {Year(options.BaseYear)}");
        }

        var current = values[currentYear];
        var baseValue = values[baseYear];
        var lowerIsBetter = options.Direction == Direction.LowerIsBetter;
        var years = $"{Year(baseYear)}–{Year(currentYear)}: {Number(baseValue)} → {Number(current)}";

        if (target is { } goal && (lowerIsBetter ? current <= goal : current >= goal))
        {
            return new ProgressResult(ProgressCategory.TargetAchieved, null, ProgressMethod.WithTarget, null, baseYear, currentYear,
                $"{ProgressCategory.TargetAchieved.SwedishName()}: {years}, målvärde {Number(goal)}.");
        }

        if (baseValue == 0)
        {
            return NotAssessable(NotAssessableReason.UndefinedForValues, $"basårets värde ({Year(baseYear)}) är 0", baseYear, currentYear);
        }

        if (baseValue < 0 || current < 0 || target < 0)
        {
            return NotAssessable(NotAssessableReason.UndefinedForValues, $"negativa värden ({years})", baseYear, currentYear);
        }

        var observed = Cagr(current, baseValue, currentYear, baseYear);
        ProgressMethod method;
        double measure;
        ProgressThresholds thresholds;
        string detail;
        if (target is { } aim)
        {
            if (options.TargetYear == baseYear || aim == baseValue)
            {
                return NotAssessable(NotAssessableReason.UndefinedForValues,
                    "målvärdet kräver ingen förändring från basåret (nödvändig tillväxt 0)", baseYear, currentYear);
            }

            var needed = Cagr(aim, baseValue, options.TargetYear, baseYear);
            method = ProgressMethod.WithTarget;
            measure = observed / needed;
            thresholds = options.Thresholds ?? ProgressThresholds.WithTargetDefaults;
            detail = $"årlig förändring {Percent(observed)} mot {Percent(needed)} som krävs för målvärde {Number(aim)} {Year(options.TargetYear)}"
                + $", kvot {measure.ToString("N2", SwedishFormat.Culture)}";
        }
        else
        {
            method = ProgressMethod.WithoutTarget;
            measure = lowerIsBetter ? -observed : observed;
            thresholds = options.Thresholds ?? ProgressThresholds.WithoutTargetDefaults;
            detail = $"årlig förändring {Percent(observed)}" + (lowerIsBetter ? " (lägre är bättre)" : "");
        }

        var category = measure >= thresholds.High ? ProgressCategory.OnTrack
            : measure >= thresholds.Medium ? ProgressCategory.NeedsAcceleration
            : measure >= thresholds.Low ? ProgressCategory.LimitedProgress
            : ProgressCategory.Deterioration;
        return new ProgressResult(category, null, method, measure, baseYear, currentYear,
            $"{category.SwedishName()}: {years}, {detail}.");
    }

    /// <summary>Compound annual growth rate: (v1 / v0)^(1 / (t1 − t0)) − 1.</summary>
    public static double Cagr(decimal v1, decimal v0, int t1, int t0) =>
        Math.Pow((double)v1 / (double)v0, 1.0 / (t1 - t0)) - 1;

    static ProgressResult NotAssessable(NotAssessableReason reason, string why, int? baseYear = null, int? currentYear = null) =>
        new(ProgressCategory.NotAssessable, reason, null, null, baseYear, currentYear,
            $"{ProgressCategory.NotAssessable.SwedishName()}: {why}.");

    static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    static string Number(decimal value, int decimals = 1) => SwedishFormat.Number(value, decimals);

    static string Percent(double rate) => (rate * 100).ToString("N2", SwedishFormat.Culture) + "\u00A0%";
}
