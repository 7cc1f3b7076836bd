using Indicators.Core.Formatting;
using System.Globalization;

namespace Indicators.Core.Attainment;

/// <summary>
/// The candidate methods for a forecast from yearly values, each from what is known (ordered by year) to a later year.
/// Every trend method starts from the latest value, so the forecast lies on the side of it that the stated change says.
/// </summary>
static class YearlyForecastMethods
{
    /// <summary>How many of the latest values the mean level takes.</summary>
    public const int MeanYears = 3;

    /// <summary>How many of the latest values the linear trend's slope is fitted to.</summary>
    public const int LinearYears = 4;

    /// <summary>How many of the latest values the damped trend's slope is fitted to.</summary>
    public const int DampedYears = 3;

    /// <summary>The damped trend keeps this share of its slope each further year (0,8: a fifth less each year).</summary>
    public const decimal Damping = 0.8m;

    /// <summary>Simplest first: on equal error the simpler method is chosen.</summary>
    public static readonly IReadOnlyList<ForecastMethod> SimplestFirst =
        [ForecastMethod.LastValue, ForecastMethod.RecentMean, ForecastMethod.RecentLinearTrend, ForecastMethod.DampedTrend];

    public static decimal Forecast(ForecastMethod method, IReadOnlyList<(int Year, decimal Value)> known, int year)
    {
        var last = known[^1];
        var years = year - last.Year;
        return method switch
        {
            ForecastMethod.LastValue => last.Value,
            ForecastMethod.RecentMean => Latest(known, MeanYears).Average(p => p.Value),
            ForecastMethod.RecentLinearTrend => last.Value + Slope(Latest(known, LinearYears)) * years,
            ForecastMethod.DampedTrend => last.Value + Slope(Latest(known, DampedYears)) * DampedSteps(years),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
        };
    }

    /// <summary>The change per year the method continues (null for the level methods).</summary>
    public static decimal? ChangePerYear(ForecastMethod method, IReadOnlyList<(int Year, decimal Value)> known) => method switch
    {
        ForecastMethod.RecentLinearTrend => Slope(Latest(known, LinearYears)),
        ForecastMethod.DampedTrend => Slope(Latest(known, DampedYears)),
        _ => null,
    };

    /// <summary>φ + φ² + … + φ^years: how many years' worth of the slope the damped trend adds.</summary>
    public static decimal DampedSteps(int years)
    {
        decimal sum = 0, factor = 1;
        for (var i = 0; i < years; i++)
        {
            factor *= Damping;
            sum += factor;
        }

        return sum;
    }

    public static string Describe(ForecastMethod method, IReadOnlyList<(int Year, decimal Value)> known, int year, decimal value, IndicatorRule indicator)
    {
        var last = known[^1];
        var lastText = $"{indicator.FormatValue(last.Value)} år {SwedishFormat.Year(last.Year)}";
        var result = $"ger {indicator.FormatValue(value)} år {SwedishFormat.Year(year)}";
        switch (method)
        {
            case ForecastMethod.LastValue:
                return $"{method.SwedishName()}: {lastText} antas gälla även år {SwedishFormat.Year(year)}.";
            case ForecastMethod.RecentMean:
                var mean = Latest(known, MeanYears);
                return $"{method.SwedishName()}: medelvärdet av {Count(mean.Count)} ({Span(mean)}) antas gälla år {SwedishFormat.Year(year)}, {result}.";
            case ForecastMethod.RecentLinearTrend:
                var line = Latest(known, LinearYears);
                return $"{method.SwedishName()}: förändringen {Signed(Slope(line), indicator)} per år ({Count(line.Count)}, {Span(line)}), "
                    + $"fortsatt från {lastText}, {result}.";
            case ForecastMethod.DampedTrend:
                var damped = Latest(known, DampedYears);
                return $"{method.SwedishName()}: förändringen {Signed(Slope(damped), indicator)} per år ({Count(damped.Count)}, {Span(damped)}), "
                    + $"fortsatt från {lastText} men avtagande med {Percent(1 - Damping)} per år, {result}.";
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, null);
        }
    }

    static IReadOnlyList<(int Year, decimal Value)> Latest(IReadOnlyList<(int Year, decimal Value)> known, int count) =>
        [.. known.Skip(Math.Max(0, known.Count - count))];

    /// <summary>The least-squares slope per year (years may have gaps); 0 for a single value.</summary>
    static decimal Slope(IReadOnlyList<(int Year, decimal Value)> points)
    {
        if (points.Count < 2)
        {
            return 0;
        }

        var meanX = (decimal)points.Average(p => p.Year);
        var meanY = points.Average(p => p.Value);
        var sxx = points.Sum(p => (p.Year - meanX) * (p.Year - meanX));
        return points.Sum(p => (p.Year - meanX) * (p.Value - meanY)) / sxx;
    }

    static string Signed(decimal change, IndicatorRule indicator) =>
        (Math.Round(change, indicator.Decimals) > 0 ? "+" : "") + indicator.FormatDifference(change);

    static string Span(IReadOnlyList<(int Year, decimal Value)> points) => $"{SwedishFormat.Year(points[0].Year)}–{SwedishFormat.Year(points[^1].Year)}";

    static string Count(int years) => years == 1 ? "senaste året" : $"de senaste {SwedishFormat.Year(years)} åren";

    static string Percent(decimal share) => (share * 100).ToString("0.#", CultureInfo.GetCultureInfo("sv-SE")) + "\u00A0%";

}
