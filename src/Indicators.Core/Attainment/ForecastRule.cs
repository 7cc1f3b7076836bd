using System.Globalization;
using Indicators.Core.Formatting;

namespace Indicators.Core.Attainment;

/// <summary>
/// Forecasts for the delårsrapport and for the plan's end.
/// <list type="bullet">
/// <item>Year-end (a sum indicator, monthly values): with ≥ 2 earlier full years (all twelve months), year-end =
/// year-to-date ÷ share, where share = (sum of months 1..n over those years) ÷ (their annual total) — pooled over the years.
/// Otherwise (or if the share is not positive) linear: year-to-date × 12 / n. Months 1..n must all be present this year.</item>
/// <item>Plan end: the least-squares line through the yearly values (≥ 2 years with values), evaluated at the target year.</item>
/// </list>
/// </summary>
public static class ForecastRule
{
    /// <param name="monthsThisYear">This year's monthly values, months 1..n (n = 1–11), all present.</param>
    /// <param name="earlierYears">Earlier years' monthly values by year and month (1–12); only full years are used.</param>
    public static Forecast YearEnd(IReadOnlyList<decimal> monthsThisYear, IReadOnlyDictionary<int, IReadOnlyList<decimal?>> earlierYears)
    {
        ArgumentNullException.ThrowIfNull(monthsThisYear);
        ArgumentNullException.ThrowIfNull(earlierYears);
        var n = monthsThisYear.Count;
        if (n is < 1 or > 11)
        {
            throw new ArgumentOutOfRangeException(nameof(monthsThisYear), n, "Expected 1–11 months of the current year.");
        }

        var yearToDate = monthsThisYear.Sum();
        var fullYears = earlierYears
            .Where(year => year.Value.Count == 12 && year.Value.All(v => v is not null))
            .OrderBy(year => year.Key)
            .ToList();
        var months = n.ToString(CultureInfo.InvariantCulture);
        if (fullYears.Count >= 2)
        {
            var part = fullYears.Sum(year => year.Value.Take(n).Sum(v => v!.Value));
            var whole = fullYears.Sum(year => year.Value.Sum(v => v!.Value));
            if (whole != 0 && part / whole > 0)
            {
                var share = part / whole;
                var value = yearToDate / share;
                var years = $"{fullYears[0].Key}–{fullYears[^1].Key}";
                return new Forecast(value, ForecastMethod.SeasonalProRating, null,
                    new Dictionary<string, decimal>
                    {
                        ["utfall hittills"] = yearToDate,
                        ["månader"] = n,
                        ["andel av året"] = share,
                        ["antal tidigare år"] = fullYears.Count,
                    },
                    $"{ForecastMethod.SeasonalProRating.SwedishName()}: utfall {Number(yearToDate)} för {months} månader, "
                    + $"som {years} utgjorde {SwedishFormat.WithUnit(share * 100, 1, "%")} av helåret, ger helår {Number(value)}.");
            }
        }

        var linear = yearToDate * 12 / n;
        return new Forecast(linear, ForecastMethod.LinearProRating, null,
            new Dictionary<string, decimal> { ["utfall hittills"] = yearToDate, ["månader"] = n },
            $"{ForecastMethod.LinearProRating.SwedishName()}: utfall {Number(yearToDate)} för {months} månader × 12/{months} ger helår {Number(linear)}"
            + (fullYears.Count < 2 ? " (färre än två tidigare hela år att hämta säsongsmönster från)." : "."));
    }

    /// <summary>The least-squares linear trend through the yearly values, evaluated at <paramref name="targetYear"/>.</summary>
    public static Forecast PlanEnd(IEnumerable<YearValue> series, int targetYear)
    {
        ArgumentNullException.ThrowIfNull(series);
        var points = series.Where(p => p.Value is not null).Select(p => (X: (decimal)p.Year, Y: p.Value!.Value)).ToList();
        if (points.Select(p => p.X).Distinct().Count() < 2)
        {
            return new Forecast(null, ForecastMethod.LinearTrend, NotAssessableReason.TooFewValues, new Dictionary<string, decimal>(),
                "Kan ej bedömas: en linjär trend kräver minst två år med värde.");
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var value = meanY + slope * (targetYear - meanX);
        return new Forecast(value, ForecastMethod.LinearTrend, null,
            new Dictionary<string, decimal> { ["antal år"] = points.Count, ["förändring per år"] = slope, ["målår"] = targetYear },
            $"{ForecastMethod.LinearTrend.SwedishName()}: {points.Count.ToString(CultureInfo.InvariantCulture)} år, "
            + $"förändring {Number(slope)} per år, ger {Number(value)} år {targetYear.ToString(CultureInfo.InvariantCulture)}.");
    }

    static string Number(decimal value) => SwedishFormat.Number(value, 1);
}
