using System.Globalization;
using Indicators.Core.Formatting;

namespace Indicators.Core.Attainment;

/// <summary>The year-end forecast of a sum from this year's first months (the rules are in <see cref="ForecastRule"/>).</summary>
static class YearEndForecast
{
    static readonly IReadOnlyList<ForecastMethod> SimplestFirst = [ForecastMethod.LinearProRating, ForecastMethod.SeasonalProRating];

    sealed record Known(IReadOnlyList<decimal> Months, IReadOnlyList<(int Year, IReadOnlyList<decimal> Months)> FullYears);

    public static Forecast Make(IReadOnlyList<decimal> monthsThisYear, IReadOnlyDictionary<int, IReadOnlyList<decimal?>> earlierYears, IndicatorRule format)
    {
        var fullYears = earlierYears
            .Where(year => year.Value.Count == 12 && year.Value.All(v => v is not null))
            .OrderBy(year => year.Key)
            .Select(year => (Year: year.Key, Months: (IReadOnlyList<decimal>)[.. year.Value.Select(v => v!.Value)]))
            .ToList();
        var now = new Known(monthsThisYear, fullYears);
        var n = monthsThisYear.Count;
        var yearToDate = monthsThisYear.Sum();
        var months = n.ToString(CultureInfo.InvariantCulture);
        var inputs = new Dictionary<string, decimal> { ["utfall hittills"] = yearToDate, ["månader"] = n };
        var horizon = $"helåret från {months} månader";

        if (Share(now) is not { } share)
        {
            var linear = Linear(now);
            return new Forecast(linear, ForecastMethod.LinearProRating, null, inputs,
                $"{LinearText(yearToDate, months, linear, format)} ("
                + (fullYears.Count == 0 ? "inget tidigare helt år att hämta säsongsmönster från)." : "säsongsmönstret ger ingen positiv andel av året).")
                + " Den är den enda metoden som går att använda här.");
        }

        var selection = ForecastBacktest.Choose(SimplestFirst, Forecast,
            fullYears.Select((year, i) => (new Known([.. year.Months.Take(n)], [.. fullYears.Take(i)]), year.Months.Sum())),
            ForecastMethod.SeasonalProRating, ForecastRule.MinBacktests);
        inputs["antal prövningar"] = selection.Backtests;
        if (selection.MeanAbsoluteError is { } error)
        {
            inputs["medelfel"] = error;
        }

        var chosen = ForecastRule.HowChosen(selection, horizon, format);
        if (selection.Method == ForecastMethod.LinearProRating)
        {
            var linear = Linear(now);
            return new Forecast(linear, ForecastMethod.LinearProRating, null, inputs, $"{LinearText(yearToDate, months, linear, format)}. {chosen}");
        }

        var value = yearToDate / share;
        inputs["andel av året"] = share;
        inputs["antal tidigare år"] = fullYears.Count;
        var years = fullYears.Count == 1 ? SwedishFormat.Year(fullYears[0].Year) : $"{SwedishFormat.Year(fullYears[0].Year)}–{SwedishFormat.Year(fullYears[^1].Year)}";
        return new Forecast(value, ForecastMethod.SeasonalProRating, null, inputs,
            $"{ForecastMethod.SeasonalProRating.SwedishName()}: utfall {format.FormatValue(yearToDate)} för {months} månader, "
            + $"som {years} utgjorde {SwedishFormat.WithUnit(share * 100, 1, "%")} av helåret, ger helår {format.FormatValue(value)}. {chosen}");
    }

    static decimal? Forecast(ForecastMethod method, Known known) => method switch
    {
        ForecastMethod.LinearProRating => Linear(known),
        ForecastMethod.SeasonalProRating => Share(known) is { } share ? known.Months.Sum() / share : null,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    static decimal Linear(Known known) => known.Months.Sum() * 12 / known.Months.Count;

    /// <summary>The share of the year months 1..n made up in the full years, pooled; null without a full year or a positive share.</summary>
    static decimal? Share(Known known)
    {
        if (known.FullYears.Count == 0)
        {
            return null;
        }

        var n = known.Months.Count;
        var part = known.FullYears.Sum(year => year.Months.Take(n).Sum());
        var whole = known.FullYears.Sum(year => year.Months.Sum());
        return whole != 0 && part / whole > 0 ? part / whole : null;
    }

    static string LinearText(decimal yearToDate, string months, decimal linear, IndicatorRule format) =>
        $"{ForecastMethod.LinearProRating.SwedishName()}: utfall {format.FormatValue(yearToDate)} för {months} månader × 12/{months} ger helår {format.FormatValue(linear)}";

}
