namespace Indicators.Core.Plans;

/// <summary>Which way is better for an indicator.</summary>
public enum Direction
{
    HigherIsBetter,
    LowerIsBetter,
    WithinBand,
}

public static class DirectionCodes
{
    public static Direction Parse(string code) => code switch
    {
        "higher" => Direction.HigherIsBetter,
        "lower" => Direction.LowerIsBetter,
        "band" => Direction.WithinBand,
        _ => throw new FormatException($"Unknown direction '{code}'."),
    };

    public static string ToCode(this Direction direction) => direction switch
    {
        Direction.HigherIsBetter => "higher",
        Direction.LowerIsBetter => "lower",
        Direction.WithinBand => "band",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    public static string SwedishName(this Direction direction) => direction switch
    {
        Direction.HigherIsBetter => "Högre är bättre",
        Direction.LowerIsBetter => "Lägre är bättre",
        Direction.WithinBand => "Inom intervall",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    /// <summary>An arrow for compact tables; always shown beside <see cref="SwedishName"/> text or a tooltip.</summary>
    public static string Arrow(this Direction direction) => direction switch
    {
        Direction.HigherIsBetter => "↑",
        Direction.LowerIsBetter => "↓",
        Direction.WithinBand => "↕",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };
}
