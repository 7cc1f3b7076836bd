using System.Globalization;
using Indicators.Core.Formatting;
using Indicators.Core.Plans;

namespace Indicators.Core.Attainment;

/// <summary>
/// Ranks regions by value in the indicator's direction (for a band: by distance to the band, closest first) and compares each
/// with riket. Regions without a value get no rank and are not counted.
/// </summary>
public static class PeerRule
{
    public static IReadOnlyList<PeerPosition> Rank(
        IndicatorRule indicator, IEnumerable<PeerValue> regions, decimal? national, Target? band = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(regions);
        var direction = indicator.Direction;
        if (direction == Direction.WithinBand && band is null)
        {
            throw new ArgumentException("Ranking a band indicator needs the band.", nameof(band));
        }

        var all = regions.ToList();
        // Badness: lower is better in every direction after this mapping.
        decimal Badness(decimal value) => direction switch
        {
            Direction.HigherIsBetter => -value,
            Direction.LowerIsBetter => value,
            Direction.WithinBand => TrendRule.DistanceToBand(value, band!.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), direction, null),
        };
        var ranked = all.Where(r => r.Value is not null).Select(r => Badness(r.Value!.Value)).ToList();

        return [.. all.Select(region =>
        {
            var rank = region.Value is { } v ? 1 + ranked.Count(other => other < Badness(v)) : (int?)null;
            var difference = region.Value - national;
            var ratio = region.Value is { } value && national is { } riket && riket != 0 ? value / riket : (decimal?)null;
            return new PeerPosition(region.Region, region.Value, rank, ranked.Count, difference, ratio,
                Explain(indicator, region.Region, rank, ranked.Count, difference, ratio));
        })];
    }

    /// <summary>E.g. "Region Västra Götaland: plats 3 av 21, 2,0 procentenheter över riket (kvot 1,03)."</summary>
    static string Explain(IndicatorRule indicator, string region, int? rank, int count, decimal? difference, decimal? ratio)
    {
        if (rank is null)
        {
            return $"{region}: värde saknas, ingen placering.";
        }

        var text = $"{region}: plats {rank.Value.ToString(CultureInfo.InvariantCulture)} av {count.ToString(CultureInfo.InvariantCulture)}";
        if (difference is { } d)
        {
            text += d == 0 ? ", lika med riket"
                : $", {indicator.FormatDifference(Math.Abs(d))} {(d > 0 ? "över" : "under")} riket";
            if (ratio is { } r)
            {
                text += $" (kvot {SwedishFormat.Number(r, 2)})";
            }
        }

        return text + ".";
    }
}
