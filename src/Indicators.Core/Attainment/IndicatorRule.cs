using Indicators.Core.Formatting;
using Indicators.Core.Plans;

namespace Indicators.Core.Attainment;

/// <summary>How an indicator's outcomes add up over the year.</summary>
public enum Aggregation
{
    /// <summary>A rate, share or average: a part-year value is compared with the annual target as is.</summary>
    Rate,
    /// <summary>A count or amount: a part-year value is compared with the annual target pro-rated by months covered.</summary>
    Sum,
}

/// <summary>What the rules need to know about an indicator: its direction, unit, display decimals, aggregation and tolerance.</summary>
public sealed record IndicatorRule(
    Direction Direction,
    string Unit,
    int Decimals = 1,
    Aggregation Aggregation = Aggregation.Rate,
    Tolerance? Tolerance = null)
{
    public Tolerance EffectiveTolerance => Tolerance ?? Attainment.Tolerance.None;

    /// <summary>The unit of a difference: "procentenheter" for "%", otherwise the value's own unit.</summary>
    public string DifferenceUnit => Unit == "%" ? "procentenheter" : Unit;

    internal string FormatValue(decimal value) => SwedishFormat.WithUnit(value, Decimals, Unit);

    internal string FormatDifference(decimal difference) => SwedishFormat.WithUnit(difference, Decimals, DifferenceUnit);
}
