using Indicators.Core.Attainment;
using Indicators.Core.Formatting;
using Indicators.Core.Periods;
using Indicators.Core.Plans;

namespace Indicators.Core.Reports;

/// <summary>
/// The delårsrapport's forecast for the year's end, from what is known up to August, with the method shown:
/// <list type="number">
/// <item>Monthly values for january–august all present: a sum is pro-rated linearly or by earlier full years' seasonal share,
/// whichever would have forecast the earlier years' totals better (<see cref="ForecastRule.YearEnd"/>); a rate's year-to-date
/// mean is taken for the year.</item>
/// <item>A jan–aug value: a sum × 12/8, a rate as it is.</item>
/// <item>Only yearly values (annual statistics published the year after): the method chosen by backtests on them
/// (<see cref="ForecastRule.FromYears"/>: latest value, mean level, recent linear or damped trend; at least two years).</item>
/// <item>Otherwise no forecast, and the reason is given.</item>
/// </list>
/// The forecast is then judged against the year's målvärde like an outcome.
/// </summary>
public static class YearEndForecastRule
{
    const int InterimMonths = 8;

    public static ReportForecast Forecast(IndicatorOverview indicator, int year)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var forecast = Make(indicator, indicator.Outcomes.Where(o => o.UsableValue is not null).ToList(), year);
        if (forecast.Value is not { } value)
        {
            return new ReportForecast(null, null, AttainmentStatus.NotAssessable, forecast.Explanation);
        }

        var status = StatusRule.Assess(indicator.Rule, Outcome.Of(Period.OfYear(year), value), indicator.RuleTargetFor(year));
        return new ReportForecast(value, forecast.Method, status.Status, $"{forecast.Explanation} {status.Explanation}");
    }

    static Forecast Make(IndicatorOverview indicator, IReadOnlyList<Outcome> usable, int year)
    {
        var sum = indicator.Aggregation == Aggregation.Sum;
        var months = usable.Where(o => o.Period.Kind == PeriodKind.Month).ToList();
        var thisYear = Enumerable.Range(1, InterimMonths)
            .Select(m => months.FirstOrDefault(o => o.Period.Year == year && o.Period.Number == m)?.UsableValue)
            .ToList();
        if (thisYear.All(v => v is not null))
        {
            var values = thisYear.Select(v => v!.Value).ToList();
            if (sum)
            {
                var earlier = months.Where(o => o.Period.Year < year)
                    .GroupBy(o => o.Period.Year)
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<decimal?>)[.. Enumerable.Range(1, 12)
                        .Select(m => g.FirstOrDefault(o => o.Period.Number == m)?.UsableValue)]);
                return ForecastRule.YearEnd(values, earlier, indicator.Rule);
            }

            var mean = values.Average();
            return Level(mean, $"medelvärdet för januari–augusti {year}, {Number(indicator, mean)}, antas gälla helåret.");
        }

        var janAug = usable.FirstOrDefault(o => o.Period == Period.OfJanuaryToAugust(year));
        if (janAug?.UsableValue is { } ytd)
        {
            if (sum)
            {
                var linear = ytd * 12 / InterimMonths;
                return new Forecast(linear, ForecastMethod.LinearProRating, null,
                    new Dictionary<string, decimal> { ["utfall hittills"] = ytd, ["månader"] = InterimMonths },
                    $"{ForecastMethod.LinearProRating.SwedishName()}: utfall {Number(indicator, ytd)} för januari–augusti × 12/8 ger helår {Number(indicator, linear)}.");
            }

            return Level(ytd, $"utfallet för januari–augusti {year}, {Number(indicator, ytd)}, antas gälla helåret.");
        }

        var yearly = usable.Where(o => o.Period.Kind == PeriodKind.Year && o.Period.Year < year)
            .Select(o => new YearValue(o.Period.Year, o.UsableValue))
            .ToList();
        if (yearly.Count >= 2)
        {
            return ForecastRule.FromYears(yearly, year, indicator.Rule);
        }

        return new Forecast(null, null, NotAssessableReason.NoValue, new Dictionary<string, decimal>(),
            $"Ingen prognos: varken månadsvärden för januari–augusti {year}, ett värde för januari–augusti eller minst två tidigare årsvärden finns.");
    }

    static Forecast Level(decimal value, string because) =>
        new(value, ForecastMethod.YearToDateLevel, null, new Dictionary<string, decimal> { ["utfall hittills"] = value },
            $"{ForecastMethod.YearToDateLevel.SwedishName()}: {because}");

    static string Number(IndicatorOverview indicator, decimal value) => SwedishFormat.WithUnit(value, indicator.Decimals, indicator.ShownUnit);
}
