namespace Indicators.Core.Attainment;

/// <summary>One region's value among its peers.</summary>
public sealed record PeerValue(string Region, decimal? Value);

/// <summary>
/// A region's place among the regions with values: <see cref="Rank"/> 1 = best in the indicator's direction, ties share a
/// rank and the next rank skips (1, 1, 3); null when the region has no value. <see cref="DifferenceToNational"/> = value − riket,
/// <see cref="RatioToNational"/> = value / riket (null when riket is missing or 0). A rank is not an attainment.
/// </summary>
public sealed record PeerPosition(
    string Region,
    decimal? Value,
    int? Rank,
    int RankedCount,
    decimal? DifferenceToNational,
    decimal? RatioToNational,
    string Explanation);
