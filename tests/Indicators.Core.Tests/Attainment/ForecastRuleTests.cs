using Indicators.Core.Attainment;

namespace Indicators.Core.Tests.Attainment;

public class ForecastRuleTests
{
    static IReadOnlyList<decimal?> Months(params decimal[] values) => [.. values.Select(v => (decimal?)v)];

    [Fact]
    public void With_two_earlier_full_years_the_year_end_is_pro_rated_by_their_seasonal_share()
    {
        // Both earlier years: 60 per month jan–aug (480), 130 per month sep–dec (520): jan–aug is 48 % of the year.
        var earlier = new Dictionary<int, IReadOnlyList<decimal?>>
        {
            [2024] = Months(60, 60, 60, 60, 60, 60, 60, 60, 130, 130, 130, 130),
            [2025] = Months(60, 60, 60, 60, 60, 60, 60, 60, 130, 130, 130, 130),
        };
        var forecast = ForecastRule.YearEnd([.. Enumerable.Repeat(60m, 8)], earlier);
        Assert.Equal(ForecastMethod.SeasonalProRating, forecast.Method);
        Assert.Equal(1000m, forecast.Value);
        Assert.Equal(0.48m, forecast.Inputs["andel av året"]);
        Assert.Equal("Uppräkning med tidigare års säsongsmönster: utfall 480,0 för 8 månader, som 2024–2025 utgjorde 48,0\u00A0% av helåret, ger helår 1\u00A0000,0.", forecast.Explanation);
    }

    [Fact]
    public void With_fewer_than_two_full_earlier_years_the_year_end_is_linear()
    {
        var earlier = new Dictionary<int, IReadOnlyList<decimal?>>
        {
            [2024] = Months(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
            [2025] = [1, 1, 1, null, 1, 1, 1, 1, 1, 1, 1, 1],
        };
        var forecast = ForecastRule.YearEnd([.. Enumerable.Repeat(60m, 8)], earlier);
        Assert.Equal(ForecastMethod.LinearProRating, forecast.Method);
        Assert.Equal(720m, forecast.Value);
        Assert.Equal("Linjär uppräkning", forecast.Method!.Value.SwedishName());
        Assert.EndsWith("(färre än två tidigare hela år att hämta säsongsmönster från).", forecast.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_end_forecast_needs_one_to_eleven_months()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ForecastRule.YearEnd([], new Dictionary<int, IReadOnlyList<decimal?>>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => ForecastRule.YearEnd([.. Enumerable.Repeat(1m, 12)], new Dictionary<int, IReadOnlyList<decimal?>>()));
    }

    [Fact]
    public void The_plan_end_forecast_is_the_least_squares_line_at_the_target_year()
    {
        // Means 2021.5 and 43; Sxy = 8, Sxx = 5: slope 1.6; at 2027: 43 + 1.6 × 5.5 = 51.8 (hand-computed).
        var series = new[] { new YearValue(2020, 41), new YearValue(2021, 41), new YearValue(2022, 45), new YearValue(2023, 45), new YearValue(2024, null) };
        var forecast = ForecastRule.PlanEnd(series, 2027);
        Assert.Equal(ForecastMethod.LinearTrend, forecast.Method);
        Assert.Equal(1.6m, forecast.Inputs["förändring per år"]);
        Assert.Equal(51.8m, forecast.Value);
    }

    [Fact]
    public void A_plan_end_forecast_needs_two_years_with_values()
    {
        var forecast = ForecastRule.PlanEnd([new YearValue(2020, 41), new YearValue(2021, null)], 2027);
        Assert.Null(forecast.Value);
        Assert.Equal(NotAssessableReason.TooFewValues, forecast.Reason);
    }
}
