using Indicators.Core.Periods;
using Indicators.Core.Plans;

namespace Indicators.Core.Attainment;

/// <summary>
/// Trend against the same period a year earlier.
/// <list type="bullet">
/// <item>Either value unusable → Kan ej bedömas, with the reason (the current outcome's reason first).</item>
/// <item>The improvement is current − previous for higher is better, previous − current for lower is better, and for a band
/// the previous distance to the band − the current distance (0 inside the band): closer to the band is better.
/// A band direction without a band → Kan ej bedömas (målvärde saknas).</item>
/// <item>|improvement| &lt; the minimum difference, or improvement = 0 → Oförändrat; positive → Bättre; negative → Sämre.</item>
/// </list>
/// </summary>
public static class TrendRule
{
    /// <summary>The same period one year earlier (2025-T2 → 2024-T2).</summary>
    public static Period YearEarlier(Period period) => period.Kind switch
    {
        PeriodKind.Year => Period.OfYear(period.Year - 1),
        PeriodKind.Tertial => Period.OfTertial(period.Year - 1, period.Number),
        PeriodKind.Quarter => Period.OfQuarter(period.Year - 1, period.Number),
        PeriodKind.Month => Period.OfMonth(period.Year - 1, period.Number),
        PeriodKind.JanuaryToAugust => Period.OfJanuaryToAugust(period.Year - 1),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period.Kind, null),
    };

    /// <summary>Compares an outcome with the outcome of the same period a year earlier.</summary>
    /// <param name="indicator">Direction, unit and decimals.</param>
    /// <param name="current">This period's outcome.</param>
    /// <param name="previous">The outcome of <see cref="YearEarlier"/>(current period).</param>
    /// <param name="minimumDifference">The least change (in the value's unit) that counts as better or worse.</param>
    /// <param name="band">The band for a <see cref="Direction.WithinBand"/> indicator; ignored otherwise.</param>
    public static TrendResult Compare(IndicatorRule indicator, Outcome current, Outcome previous, decimal minimumDifference, Target? band = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumDifference);
        if (previous.Period != YearEarlier(current.Period))
        {
            throw new ArgumentException($"Expected the outcome for {YearEarlier(current.Period).Code}, got {previous.Period.Code}.", nameof(previous));
        }

        var currentReason = NotAssessableReasonNames.ReasonFor(current.Status, current.Value);
        var previousReason = NotAssessableReasonNames.ReasonFor(previous.Status, previous.Value);
        if ((currentReason ?? previousReason) is { } why)
        {
            var period = currentReason is null ? previous.Period : current.Period;
            return NotAssessable(why, current, previous, $" ({period.SwedishName})");
        }

        if (indicator.Direction == Direction.WithinBand && band is null)
        {
            return NotAssessable(NotAssessableReason.NoTarget, current, previous, "");
        }

        var now = current.Value!.Value;
        var before = previous.Value!.Value;
        var improvement = indicator.Direction switch
        {
            Direction.HigherIsBetter => now - before,
            Direction.LowerIsBetter => before - now,
            Direction.WithinBand => DistanceToBand(before, band!.Value) - DistanceToBand(now, band.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator.Direction, null),
        };
        var trend = improvement == 0 || Math.Abs(improvement) < minimumDifference ? Trend.Unchanged
            : improvement > 0 ? Trend.Better
            : Trend.Worse;

        var difference = now - before;
        var change = difference == 0 ? "ingen skillnad"
            : difference > 0 ? $"{indicator.FormatDifference(difference)} högre"
            : $"{indicator.FormatDifference(-difference)} lägre";
        var explanation = $"{trend.SwedishName()}: {indicator.FormatValue(now)} {current.Period.SwedishName} mot "
            + $"{indicator.FormatValue(before)} {previous.Period.SwedishName}, {change}";
        if (indicator.Direction == Direction.WithinBand)
        {
            explanation += improvement == 0 ? ", lika nära intervallet"
                : improvement > 0 ? ", närmare intervallet"
                : ", längre från intervallet";
        }

        if (minimumDifference > 0)
        {
            explanation += $"; minsta skillnad {indicator.FormatDifference(minimumDifference)}";
        }

        return new TrendResult(trend, null, now, before, difference, improvement, explanation + ".");
    }

    static TrendResult NotAssessable(NotAssessableReason reason, Outcome current, Outcome previous, string where) =>
        new(Trend.NotAssessable, reason, current.UsableValue, previous.UsableValue, null, null,
            $"{Trend.NotAssessable.SwedishName()}{where}: {reason.SwedishText()}.");

    internal static decimal DistanceToBand(decimal value, Target band) =>
        value < band.Min ? band.Min - value : value > band.Max ? value - band.Max : 0;
}
