using Indicators.Core.Periods;
using Indicators.Core.Plans;

namespace Indicators.Core.Attainment;

/// <summary>
/// Status of an outcome against its målvärde.
/// <list type="bullet">
/// <item>No usable value (suppressed, missing at the source, not yet published, retracted, empty) or no target for the year → Kan ej bedömas, with the reason.</item>
/// <item>Part-year periods: a <see cref="Aggregation.Rate"/> indicator is compared with the annual target as is; a
/// <see cref="Aggregation.Sum"/> indicator with the annual target × <see cref="Period.Months"/>/12 (jan–aug 8/12, a tertial 4/12),
/// i.e. the part-year value is the sum over the months the period covers. The tolerance is not pro-rated except that a relative
/// tolerance follows the pro-rated target.</item>
/// <item>Higher is better: value ≥ target → Uppnått. Lower is better: value ≤ target → Uppnått. Band: min ≤ value ≤ max → Uppnått.</item>
/// <item>Otherwise the shortfall (distance to the target, or to the nearest band bound) ≤ tolerance → Delvis uppnått
/// (the limit is inclusive); else Ej uppnått. A relative tolerance is the fraction × |target| (for a band, × |the bound passed|).</item>
/// </list>
/// </summary>
public static class StatusRule
{
    /// <summary>Judges an outcome against the annual target of its year (null when the plan has none).</summary>
    public static StatusResult Assess(IndicatorRule indicator, Outcome outcome, Target? annualTarget)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(outcome);

        var lacking = NotAssessableReasonNames.ReasonFor(outcome.Status, outcome.Value);
        if (lacking is { } reason)
        {
            return NotAssessable(reason, null);
        }

        var value = outcome.Value!.Value;
        if (annualTarget is not { } annual)
        {
            return NotAssessable(NotAssessableReason.NoTarget, value);
        }

        if (annual.IsBand && indicator.Direction != Direction.WithinBand)
        {
            throw new ArgumentException("A band target needs an indicator whose direction is WithinBand.", nameof(annualTarget));
        }

        var proRated = indicator.Aggregation == Aggregation.Sum && outcome.Period.Months != 12;
        var target = proRated ? annual.ProRate(outcome.Period.Months) : annual;
        var tolerance = indicator.EffectiveTolerance;

        var (shortfall, margin, bound) = indicator.Direction switch
        {
            Direction.HigherIsBetter => (Math.Max(0, target.Value - value), value - target.Value, target.Value),
            Direction.LowerIsBetter => (Math.Max(0, value - target.Value), target.Value - value, target.Value),
            Direction.WithinBand when value < target.Min => (target.Min - value, value - target.Min, target.Min),
            Direction.WithinBand when value > target.Max => (value - target.Max, target.Max - value, target.Max),
            Direction.WithinBand => (0m, 0m, target.Min),
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator.Direction, null),
        };
        var toleranceAmount = tolerance.AbsoluteAround(bound);
        var status = shortfall == 0 ? AttainmentStatus.Achieved
            : shortfall <= toleranceAmount ? AttainmentStatus.PartlyAchieved
            : AttainmentStatus.NotAchieved;

        var explanation = StatusExplanation.For(indicator, outcome.Period, status, value, annual, target, proRated, toleranceAmount, tolerance);
        return new StatusResult(status, null, value, target, shortfall, margin, toleranceAmount, explanation);
    }

    /// <summary>Judges an outcome against the target for its year, looked up in the plan's targets by year.</summary>
    public static StatusResult Assess(IndicatorRule indicator, Outcome outcome, IReadOnlyDictionary<int, Target> targetsByYear)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(targetsByYear);
        return Assess(indicator, outcome, targetsByYear.TryGetValue(outcome.Period.Year, out var target) ? target : null);
    }

    internal static StatusResult NotAssessable(NotAssessableReason reason, decimal? value) =>
        new(AttainmentStatus.NotAssessable, reason, value, null, null, null, null,
            $"{AttainmentStatus.NotAssessable.SwedishName()}: {reason.SwedishText()}.");
}
