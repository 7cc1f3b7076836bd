using Indicators.Core.Attainment;
using Indicators.Core.Periods;
using Indicators.Core.Plans;
using Indicators.Core.Reports;

namespace Indicators.Core.Tests.Reports;

public class YearEndForecastRuleTests
{
    // Målvärde 2026: 1 200 (a sum, e.g. visits) or 85\u00A0% (a rate); higher is better.
    static IndicatorOverview Indicator(Aggregation aggregation, params Outcome[] series) => new(
        1, "X", "Besök", aggregation == Aggregation.Sum ? "st" : "%", 0, Direction.HigherIsBetter, false, false,
        [new(2026, null, aggregation == Aggregation.Sum ? 1200m : 85m, null, null, false, null)],
        aggregation, Series: series);

    static Outcome[] Months(int year, int count, Func<int, decimal> value) =>
        [.. Enumerable.Range(1, count).Select(m => Outcome.Of(Period.OfMonth(year, m), value(m)))];

    [Fact]
    public void A_sum_with_two_earlier_full_years_is_pro_rated_by_their_seasonal_share()
    {
        // Earlier years: 50 a month in january–august, 150 in september–december (share of the year 400/1 000 = 40\u00A0%).
        static decimal Seasonal(int month) => month <= 8 ? 50m : 150m;
        var indicator = Indicator(Aggregation.Sum, [.. Months(2024, 12, Seasonal), .. Months(2025, 12, Seasonal), .. Months(2026, 8, _ => 60m)]);

        var forecast = YearEndForecastRule.Forecast(indicator, 2026);

        Assert.Equal(ForecastMethod.SeasonalProRating, forecast.Method);
        Assert.Equal(1200m, forecast.Value);   // 480 / 0,4
        Assert.Equal(AttainmentStatus.Achieved, forecast.Status);
        Assert.Contains("Uppräkning med tidigare års säsongsmönster", forecast.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sum_without_earlier_years_is_pro_rated_linearly()
    {
        var forecast = YearEndForecastRule.Forecast(Indicator(Aggregation.Sum, Months(2026, 8, _ => 60m)), 2026);

        Assert.Equal((ForecastMethod.LinearProRating, 720m), (forecast.Method!.Value, forecast.Value!.Value));
        Assert.Equal(AttainmentStatus.NotAchieved, forecast.Status);
    }

    [Fact]
    public void A_rate_takes_its_mean_so_far_for_the_year()
    {
        var forecast = YearEndForecastRule.Forecast(Indicator(Aggregation.Rate, Months(2026, 8, m => 80m + m)), 2026);

        Assert.Equal((ForecastMethod.YearToDateLevel, 84.5m), (forecast.Method!.Value, forecast.Value!.Value));
        Assert.StartsWith("Årets nivå hittills: medelvärdet för januari–augusti 2026, 85\u00A0%", forecast.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_january_to_august_value_is_scaled_by_twelve_eighths_for_a_sum_and_taken_as_it_is_for_a_rate()
    {
        var janAug = Outcome.Of(Period.OfJanuaryToAugust(2026), 800m);

        Assert.Equal(1200m, YearEndForecastRule.Forecast(Indicator(Aggregation.Sum, janAug), 2026).Value);
        Assert.Equal(800m, YearEndForecastRule.Forecast(Indicator(Aggregation.Rate, janAug), 2026).Value);
    }

    [Fact]
    public void Only_yearly_values_give_the_method_chosen_by_backtests_and_too_few_give_no_forecast_with_the_reason()
    {
        // +2 a year since 2021: forecasting a year ahead from 2023 and 2024, the recent linear trend hit exactly.
        var trend = YearEndForecastRule.Forecast(Indicator(Aggregation.Rate, [.. new[] { 76m, 78m, 80m, 82m, 84m }
            .Select((value, i) => Outcome.Of(Period.OfYear(2021 + i), value))]), 2026);
        var none = YearEndForecastRule.Forecast(Indicator(Aggregation.Rate, Outcome.Of(Period.OfYear(2025), 84m)), 2026);

        Assert.Equal((ForecastMethod.RecentLinearTrend, 86m, AttainmentStatus.Achieved), (trend.Method!.Value, trend.Value!.Value, trend.Status));
        Assert.Contains("förändringen +2\u00A0procentenheter per år", trend.Explanation, StringComparison.Ordinal);
        Assert.Null(none.Value);
        Assert.Equal(AttainmentStatus.NotAssessable, none.Status);
        Assert.StartsWith("Ingen prognos", none.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_month_this_year_falls_back_to_what_else_is_known()
    {
        var gap = Months(2026, 8, _ => 60m).Where(o => o.Period.Number != 5).ToArray();

        var forecast = YearEndForecastRule.Forecast(Indicator(Aggregation.Sum, gap), 2026);

        Assert.Null(forecast.Value);
    }
}
