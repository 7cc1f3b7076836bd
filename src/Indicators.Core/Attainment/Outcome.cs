using Indicators.Core.Observations;
using Indicators.Core.Periods;

namespace Indicators.Core.Attainment;

/// <summary>One outcome (utfall) of an indicator. Only <see cref="ObservationStatus.Ok"/> with a value can be judged.</summary>
public sealed record Outcome(Period Period, decimal? Value, ObservationStatus Status = ObservationStatus.Ok)
{
    public static Outcome Of(Period period, decimal value) => new(period, value);

    public static Outcome Lacking(Period period, ObservationStatus status) => new(period, null, status);

    /// <summary>The value if it can be used, otherwise null.</summary>
    public decimal? UsableValue => Status == ObservationStatus.Ok ? Value : null;
}
