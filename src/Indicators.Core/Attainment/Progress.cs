namespace Indicators.Core.Attainment;

/// <summary>Open SDG progress categories, plus <see cref="NotAssessable"/> where no method gives a result.</summary>
public enum ProgressCategory
{
    TargetAchieved,
    OnTrack,
    NeedsAcceleration,
    LimitedProgress,
    Deterioration,
    NotAssessable,
}

/// <summary>
/// How progress was measured: Open SDG's two methods (growth alone, or growth against the growth the målvärde needs)
/// and ours for the series Open SDG cannot measure against a målvärde (see <see cref="ProgressMeasure"/>).
/// </summary>
public enum ProgressMethod
{
    WithoutTarget,
    WithTarget,
    LinearPath,
}

/// <summary>What the yearly points progress is measured on are (see <see cref="ComparableValues"/>).</summary>
public enum ComparableBasis
{
    /// <summary>The indicator's annual values.</summary>
    Years,
    /// <summary>The 12 months up to the same month each year: summed for a sum, averaged for a rate.</summary>
    Rolling12Months,
    /// <summary>The same month, quarter, tertial or jan–aug each year.</summary>
    SamePeriodEachYear,
}

public static class ProgressNames
{
    /// <summary>The labels suggested in anchors-features.md b.1.</summary>
    public static string SwedishName(this ProgressCategory category) => category switch
    {
        ProgressCategory.TargetAchieved => "Målet nått",
        ProgressCategory.OnTrack => "I fas",
        ProgressCategory.NeedsAcceleration => "Behöver öka takten",
        ProgressCategory.LimitedProgress => "Begränsad utveckling",
        ProgressCategory.Deterioration => "Försämring",
        ProgressCategory.NotAssessable => "Kan ej bedömas",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static string SwedishName(this ProgressMethod method) => method switch
    {
        ProgressMethod.WithoutTarget => "Open SDG:s årliga tillväxttakt (utan målvärde)",
        ProgressMethod.WithTarget => "Open SDG:s tillväxtkvot mot målvärdet",
        ProgressMethod.LinearPath => "linjär bana mot målvärdet",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static string SwedishName(this ComparableBasis basis) => basis switch
    {
        ComparableBasis.Years => "årsvärden",
        ComparableBasis.Rolling12Months => "rullande 12 månader",
        ComparableBasis.SamePeriodEachYear => "samma period varje år",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, null),
    };
}

/// <summary>The thresholds of a method: value ≥ High → i fas; ≥ Medium → behöver öka takten; ≥ Low → begränsad utveckling; else försämring.</summary>
public sealed record ProgressThresholds(double High, double Medium, double Low)
{
    /// <summary>Open SDG's defaults for method 1 (no target): 0.015, 0.005, 0.</summary>
    public static ProgressThresholds WithoutTargetDefaults { get; } = new(0.015, 0.005, 0);

    /// <summary>Open SDG's defaults for method 2 (a target): 0.95, 0.6, 0.</summary>
    public static ProgressThresholds WithTargetDefaults { get; } = new(0.95, 0.6, 0);

    /// <summary>
    /// The linear path's: the same 0.95, 0.6, 0 as Open SDG's ratio, since both compare the observed pace with the pace
    /// the målvärde needs (a ratio of growth rates there, of average yearly changes here).
    /// </summary>
    public static ProgressThresholds LinearPathDefaults => WithTargetDefaults;
}

/// <summary>
/// A yearly point; null when the year has no usable value (it is then dropped, as Open SDG drops NA).
/// <see cref="Label"/> names what the point is when it is not the calendar year ("sep 2024–aug 2025", "aug 2025").
/// </summary>
public readonly record struct YearValue(int Year, decimal? Value, string? Label = null);

/// <summary>The yearly points progress is measured on, and what they are.</summary>
public sealed record ComparableSeries(ComparableBasis Basis, IReadOnlyList<YearValue> Values, string? Description = null);

/// <summary>
/// The inputs of <see cref="ProgressMeasure.Measure(IEnumerable{YearValue}, ProgressOptions)"/>. Unlike Open SDG
/// (base 2015, target 2030, lower is better) nothing is defaulted but the thresholds: the plan states its base year, end
/// year and direction. <paramref name="Display"/> is the indicator's rule, used only to write its values in its own
/// decimals and unit; without it values get one decimal and no unit.
/// </summary>
public sealed record ProgressOptions(
    int BaseYear,
    int TargetYear,
    Plans.Direction Direction,
    decimal? Target = null,
    ProgressThresholds? Thresholds = null,
    IndicatorRule? Display = null);

/// <summary>
/// <see cref="Value"/> is the measure compared with the thresholds (null for målet nått, kan ej bedömas, or a målvärde
/// equal to the base value that the series moved away from); <see cref="BaseYear"/> is the base year actually used
/// (after falling forward); <see cref="Basis"/> says what the yearly points were.
/// </summary>
public sealed record ProgressResult(
    ProgressCategory Category,
    NotAssessableReason? Reason,
    ProgressMethod? Method,
    double? Value,
    int? BaseYear,
    int? CurrentYear,
    string Explanation,
    ComparableBasis Basis = ComparableBasis.Years);
