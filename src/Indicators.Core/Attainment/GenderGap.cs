using Indicators.Core.Formatting;

namespace Indicators.Core.Attainment;

/// <summary>
/// T, K and M side by side. <see cref="Gap"/> = K − M and <see cref="Ratio"/> = K / M (null when either is missing, or M is 0
/// for the ratio). <see cref="MissingSplit"/> is true when T has a value but K or M does not: the UI warns.
/// </summary>
public sealed record GenderGap(
    decimal? Total,
    decimal? Women,
    decimal? Men,
    decimal? Gap,
    decimal? Ratio,
    bool MissingSplit,
    string Explanation);

/// <summary>The gender split of one outcome (values already filtered to usable ones; pass null for a missing or unusable value).</summary>
public static class GenderGapRule
{
    public static GenderGap Compare(IndicatorRule indicator, decimal? total, decimal? women, decimal? men)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var gap = women - men;
        var ratio = women is { } k && men is { } m && m != 0 ? k / m : (decimal?)null;
        var missingSplit = total is not null && (women is null || men is null);

        string explanation;
        if (gap is { } difference)
        {
            explanation = $"Kvinnor {indicator.FormatValue(women!.Value)}, män {indicator.FormatValue(men!.Value)}: "
                + (difference == 0 ? "ingen skillnad"
                    : $"kvinnor {indicator.FormatDifference(Math.Abs(difference))} {(difference > 0 ? "högre" : "lägre")} än män")
                + (ratio is { } r ? $", kvot K/M {SwedishFormat.Number(r, 2)}." : ".");
        }
        else if (missingSplit)
        {
            var lacking = women is null && men is null ? "kvinnor och män" : women is null ? "kvinnor" : "män";
            explanation = $"Varning: totalt {indicator.FormatValue(total!.Value)} finns men värde för {lacking} saknas.";
        }
        else
        {
            explanation = "Könsuppdelade värden saknas.";
        }

        return new GenderGap(total, women, men, gap, ratio, missingSplit, explanation);
    }
}
