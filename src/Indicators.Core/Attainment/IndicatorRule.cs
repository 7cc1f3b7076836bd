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

/// <summary>
/// What the rules need to know about an indicator: its direction, unit, display decimals, aggregation and tolerance, and
/// for a count ("antal") what it counts, so explanations read "241 610 invånare" (<see cref="SwedishFormat.ShownUnit"/>).
/// </summary>
public sealed record IndicatorRule(
    Direction Direction,
    string Unit,
    int Decimals = 1,
    Aggregation Aggregation = Aggregation.Rate,
    Tolerance? Tolerance = null,
    string? CountedNoun = null)
{
    public Tolerance EffectiveTolerance => Tolerance ?? Attainment.Tolerance.None;

    /// <summary>The unit of a difference: "procentenheter" for "%", otherwise the value's own unit.</summary>
    public string DifferenceUnit => Unit == "%" ? "procentenheter" : ShownUnit;

    /// <summary>The unit shown after a value: the counted noun of a count that names one, else the unit.</summary>
    public string ShownUnit => SwedishFormat.ShownUnit(Unit, CountedNoun);

    internal string FormatValue(decimal value) => SwedishFormat.WithUnit(value, Decimals, ShownUnit);

    internal string FormatDifference(decimal difference) => SwedishFormat.WithUnit(difference, Decimals, DifferenceUnit);
}
