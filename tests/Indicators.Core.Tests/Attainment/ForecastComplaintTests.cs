using Indicators.Core.Attainment;

namespace Indicators.Core.Tests.Attainment;

/// <summary>
/// The three forecasts issue 16 found implausible, with the demo plan's own values for Region Västernorrland (sql/demo/outcomes.csv,
/// area 0022, totals), forecast to the plan's end year 2027.
/// </summary>
public class ForecastComplaintTests
{
    static YearValue[] Series(params decimal[] from2019) => [.. from2019.Select((value, i) => new YearValue(2019 + i, value))];

    [Fact]
    public void N79222_rose_five_years_in_a_row_and_is_not_forecast_to_fall()
    {
        // 69,5 in 2019, then 55,2 → 56,8 → 57,9 → 60,3 → 63,4 → 64,6: least squares over all years gave 62,0.
        var forecast = ForecastRule.PlanEnd(Series(69.5m, 55.2m, 56.8m, 57.9m, 60.3m, 63.4m, 64.6m), 2027);

        Assert.True(forecast.Value >= 64.6m, $"Forecast {forecast.Value}: {forecast.Explanation}");
    }

    [Fact]
    public void Soliditet_falling_three_years_in_a_row_is_not_forecast_above_todays_value()
    {
        // 31,0 → 22,3 → 16,6 → 12,4: least squares said "−1,7 per år" and forecast 13,9.
        var forecast = ForecastRule.PlanEnd(Series(20.4m, 25.1m, 29.6m, 31.0m, 22.3m, 16.6m, 12.4m), 2027);

        Assert.True(forecast.Value <= 12.4m, $"Forecast {forecast.Value}: {forecast.Explanation}");
    }

    [Fact]
    public void HSN_result_that_improved_from_minus_600_to_minus_362_is_not_forecast_to_fall_back_below_it()
    {
        // −142, 38, −64, −318, −536, −600, −362 mnkr: least squares forecast −713 (the page showed −627), worse than the worst year after an improvement.
        var forecast = ForecastRule.PlanEnd(Series(-142m, 38m, -64m, -318m, -536m, -600m, -362m), 2027);

        Assert.True(forecast.Value >= -362m, $"Forecast {forecast.Value}: {forecast.Explanation}");
    }
}
