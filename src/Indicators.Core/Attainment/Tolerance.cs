namespace Indicators.Core.Attainment;

public enum ToleranceKind
{
    /// <summary>In the value's own unit (procentenheter for "%", kronor for "kr", …).</summary>
    Absolute,
    /// <summary>A fraction of the target, e.g. 0.05 = 5 % of the målvärde.</summary>
    Relative,
}

/// <summary>How far on the wrong side of the target an outcome may be and still count as "delvis uppnått".</summary>
public sealed record Tolerance
{
    /// <remarks>Also how JSON rebuilds a tolerance (the page state carried from prerender to the interactive page).</remarks>
    [System.Text.Json.Serialization.JsonConstructor]
    Tolerance(decimal amount, ToleranceKind kind)
    {
        Amount = amount;
        Kind = kind;
    }

    public decimal Amount { get; }

    public ToleranceKind Kind { get; }

    /// <summary>No tolerance: anything short of the target is "ej uppnått".</summary>
    public static Tolerance None { get; } = new(0, ToleranceKind.Absolute);

    public static Tolerance Absolute(decimal amount) => new(CheckAmount(amount), ToleranceKind.Absolute);

    public static Tolerance Relative(decimal fraction) => new(CheckAmount(fraction), ToleranceKind.Relative);

    /// <summary>The tolerance in the value's unit around a target bound: relative tolerances are a fraction of |bound|.</summary>
    public decimal AbsoluteAround(decimal bound) => Kind == ToleranceKind.Absolute ? Amount : Amount * Math.Abs(bound);

    static decimal CheckAmount(decimal amount) =>
        amount >= 0 ? amount : throw new ArgumentOutOfRangeException(nameof(amount), amount, "A tolerance cannot be negative.");
}
