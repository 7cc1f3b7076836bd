using Indicators.Core.Attainment;
using Indicators.Core.Formatting;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Data.Indicators;

namespace Indicators.Web.IndicatorPages;

/// <summary>
/// The yearly values behind the plan-end forecast and where a period sits on the chart's time axis.
/// </summary>
public static class OutcomeSeries
{
    /// <summary>
    /// A period's position on a numeric year axis: the middle of the months it covers (2025 → 2025,5; 2025-03 → 2025,21).
    /// Years are drawn as explicit ticks at mid-year, so the axis never shows "2 023,5".
    /// </summary>
    public static double Position(Period period)
    {
        var firstMonth = period.LastMonth - period.Months + 1;
        return period.Year + (firstMonth - 1 + period.Months / 2.0) / 12.0;
    }

    /// <summary>
    /// Yearly total values for the forecast: the annual outcomes, or for an indicator without them its months per year
    /// (the mean for a rate; the sum of a whole year for a sum).
    /// </summary>
    public static IReadOnlyList<YearValue> Yearly(IndicatorPageData data)
    {
        var totals = data.Outcomes(Gender.T).Where(o => o.UsableValue is not null).ToList();
        var annual = totals.Where(o => o.Period.Kind == PeriodKind.Year).ToList();
        if (annual.Count > 0)
        {
            return [.. annual.Select(o => new YearValue(o.Period.Year, o.UsableValue))];
        }

        return [.. totals.Where(o => o.Period.Kind == PeriodKind.Month)
            .GroupBy(o => o.Period.Year)
            .Select(year => data.Indicator.Aggregation == Aggregation.Sum
                ? new YearValue(year.Key, year.Count() == 12 ? year.Sum(o => o.UsableValue!.Value) : null)
                : new YearValue(year.Key, Math.Round(year.Average(o => o.UsableValue!.Value), 4)))
            .Where(y => y.Value is not null)];
    }

    /// <summary>
    /// The forecast to the plan's last year from the years before it, by the method that would have forecast the series'
    /// own past best (<see cref="ForecastRule"/>), in the indicator's decimals and unit; null without a plan.
    /// </summary>
    public static Forecast? PlanEnd(IndicatorPageData data) =>
        data.Plan is { } plan ? ForecastRule.PlanEnd(Yearly(data), plan.EndYear, data.Indicator.Rule) : null;

    public static string Format(IndicatorDetails indicator, decimal value) => SwedishFormat.WithUnit(value, indicator.Decimals, indicator.ShownUnit);
}
