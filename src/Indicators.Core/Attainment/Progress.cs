namespace Indicators.Core.Attainment;

/// <summary>Open SDG progress categories, plus <see cref="NotAssessable"/> where Open SDG gives no result or its formula fails.</summary>
public enum ProgressCategory
{
    TargetAchieved,
    OnTrack,
    NeedsAcceleration,
    LimitedProgress,
    Deterioration,
    NotAssessable,
}

/// <summary>Open SDG's two methods: growth alone (no target) or growth against the growth the target needs.</summary>
public enum ProgressMethod
{
    WithoutTarget,
    WithTarget,
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
        ProgressMethod.WithoutTarget => "årlig tillväxttakt (utan målvärde)",
        ProgressMethod.WithTarget => "årlig tillväxttakt mot den takt målvärdet kräver",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };
}

/// <summary>The thresholds of a method: value ≥ High → i fas; ≥ Medium → behöver öka takten; ≥ Low → begränsad utveckling; else försämring.</summary>
public sealed record ProgressThresholds(double High, double Medium, double Low)
{
    /// <summary>Open SDG's defaults for method 1 (no target): 0.015, 0.005, 0.</summary>
    public static ProgressThresholds WithoutTargetDefaults { get; } = new(0.015, 0.005, 0);

    /// <summary>Open SDG's defaults for method 2 (a target): 0.95, 0.6, 0.</summary>
    public static ProgressThresholds WithTargetDefaults { get; } = new(0.95, 0.6, 0);
}

/// <summary>A yearly value; null when the year has no usable value (it is then dropped, as Open SDG drops NA).</summary>
public readonly record struct YearValue(int Year, decimal? Value);

/// <summary>
/// The inputs of <see cref="ProgressMeasure.Measure"/>. Unlike Open SDG (base 2015, target 2030, lower is better) nothing is
/// defaulted but the thresholds: the plan states its base year, end year and direction.
/// </summary>
public sealed record ProgressOptions(
    int BaseYear,
    int TargetYear,
    Plans.Direction Direction,
    decimal? Target = null,
    ProgressThresholds? Thresholds = null);

/// <summary>
/// <see cref="Value"/> is the measure compared with the thresholds (null for målet nått or kan ej bedömas);
/// <see cref="BaseYear"/> is the base year actually used (after falling forward).
/// </summary>
public sealed record ProgressResult(
    ProgressCategory Category,
    NotAssessableReason? Reason,
    ProgressMethod? Method,
    double? Value,
    int? BaseYear,
    int? CurrentYear,
    string Explanation);
