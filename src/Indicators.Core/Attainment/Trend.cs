namespace Indicators.Core.Attainment;

/// <summary>The change against the same period a year earlier, judged in the indicator's direction.</summary>
public enum Trend
{
    Better,
    Unchanged,
    Worse,
    NotAssessable,
}

/// <summary>
/// Swedish names and symbols. The symbols say better/worse, not up/down (a falling value is "bättre" when lower is better):
/// ▲ Bättre, ▬ Oförändrat, ▼ Sämre, ? Kan ej bedömas.
/// </summary>
public static class TrendNames
{
    public static string SwedishName(this Trend trend) => trend switch
    {
        Trend.Better => "Bättre",
        Trend.Unchanged => "Oförändrat",
        Trend.Worse => "Sämre",
        Trend.NotAssessable => "Kan ej bedömas",
        _ => throw new ArgumentOutOfRangeException(nameof(trend), trend, null),
    };

    public static string Symbol(this Trend trend) => trend switch
    {
        Trend.Better => "▲",
        Trend.Unchanged => "▬",
        Trend.Worse => "▼",
        Trend.NotAssessable => "?",
        _ => throw new ArgumentOutOfRangeException(nameof(trend), trend, null),
    };
}

/// <summary>
/// <see cref="Improvement"/> is the change in the better direction (positive = better); for a band it is how much closer
/// to the band the value came. <see cref="Difference"/> is current − previous.
/// </summary>
public sealed record TrendResult(
    Trend Trend,
    NotAssessableReason? Reason,
    decimal? Current,
    decimal? Previous,
    decimal? Difference,
    decimal? Improvement,
    string Explanation);
