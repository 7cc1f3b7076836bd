namespace Indicators.Core.Attainment;

/// <summary>
/// A målvärde: a single value (<see cref="Min"/> = <see cref="Max"/>) for higher/lower is better,
/// or a band min–max for <see cref="Plans.Direction.WithinBand"/>.
/// </summary>
public readonly record struct Target
{
    Target(decimal min, decimal max)
    {
        Min = min;
        Max = max;
    }

    public decimal Min { get; }

    public decimal Max { get; }

    public bool IsBand => Min != Max;

    /// <summary>The single value (for a band, its lower bound).</summary>
    public decimal Value => Min;

    public static Target Of(decimal value) => new(value, value);

    public static Target Band(decimal min, decimal max) =>
        min <= max ? new(min, max) : throw new ArgumentOutOfRangeException(nameof(max), max, "The band's max must not be below its min.");

    /// <summary>
    /// The annual target pro-rated to <paramref name="months"/> of twelve: target × months / 12, multiplying first so that
    /// e.g. 1 200 × 8 / 12 is exactly 800.
    /// </summary>
    public Target ProRate(int months) =>
        months is >= 1 and <= 12 ? new(Min * months / 12, Max * months / 12) : throw new ArgumentOutOfRangeException(nameof(months), months, "Expected 1–12.");
}
