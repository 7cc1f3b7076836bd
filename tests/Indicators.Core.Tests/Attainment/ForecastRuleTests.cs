using Indicators.Core.Attainment;
using Indicators.Core.Plans;

namespace Indicators.Core.Tests.Attainment;

public class ForecastRuleTests
{
    static readonly IndicatorRule Share = new(Direction.HigherIsBetter, "%", 1);

    static IReadOnlyList<decimal?> Months(params decimal[] values) => [.. values.Select(v => (decimal?)v)];

    static YearValue[] Years(int first, params decimal[] values) => [.. values.Select((value, i) => new YearValue(first + i, value))];

    [Fact]
    public void With_two_earlier_full_years_and_no_year_to_test_on_the_year_end_is_pro_rated_by_their_seasonal_share_by_default()
    {
        // Both earlier years: 60 per month jan–aug (480), 130 per month sep–dec (520): jan–aug is 48 % of the year.
        // 2025 has only 2024 before it, so the two methods can be compared on one year: fewer than two, the default holds.
        var earlier = new Dictionary<int, IReadOnlyList<decimal?>>
        {
            [2024] = Months(60, 60, 60, 60, 60, 60, 60, 60, 130, 130, 130, 130),
            [2025] = Months(60, 60, 60, 60, 60, 60, 60, 60, 130, 130, 130, 130),
        };
        var forecast = ForecastRule.YearEnd([.. Enumerable.Repeat(60m, 8)], earlier);
        Assert.Equal(ForecastMethod.SeasonalProRating, forecast.Method);
        Assert.Equal(1000m, forecast.Value);
        Assert.Equal(0.48m, forecast.Inputs["andel av året"]);
        Assert.Equal("Uppräkning med tidigare års säsongsmönster: utfall 480,0 för 8 månader, som 2024–2025 utgjorde 48,0\u00A0% av helåret, ger helår 1\u00A0000,0. "
            + "Historiken räcker inte för att pröva metoderna mot varandra (1 prövning helåret från 8 månader, minst 2 behövs), "
            + "så standardmetoden uppräkning med tidigare års säsongsmönster används.", forecast.Explanation);
    }

    [Fact]
    public void With_three_earlier_full_years_the_year_end_method_is_chosen_by_how_it_forecast_the_later_years()
    {
        // A strong season (jan–aug 40 % of the year): on 2025 and 2026 the seasonal share was exact, linear 240 too low.
        static IReadOnlyList<decimal?> Seasonal() => Months(50, 50, 50, 50, 50, 50, 50, 50, 150, 150, 150, 150);
        var seasonal = ForecastRule.YearEnd([.. Enumerable.Repeat(50m, 8)],
            new Dictionary<int, IReadOnlyList<decimal?>> { [2024] = Seasonal(), [2025] = Seasonal(), [2026] = Seasonal() },
            new IndicatorRule(Direction.HigherIsBetter, "besök", 0, Aggregation.Sum));

        Assert.Equal((ForecastMethod.SeasonalProRating, 1000m), (seasonal.Method!.Value, seasonal.Value!.Value));
        Assert.Equal((0m, 2m), (seasonal.Inputs["medelfel"], seasonal.Inputs["antal prövningar"]));
        Assert.EndsWith("Metoden valdes för att den hade minst medelfel när seriens egen historik prognostiserades helåret från 8 månader: "
            + "0\u00A0besök i 2 prövningar (linjär uppräkning 400\u00A0besök).", seasonal.Explanation, StringComparison.Ordinal);

        // One year grew month by month, the next two were flat: on 2024 and 2025 pro-rating linearly was exact, the
        // seasonal share (from 2023, then 2023–2024) too high, so linear is chosen.
        var flat = Months([.. Enumerable.Repeat(65m, 12)]);
        var linear = ForecastRule.YearEnd([.. Enumerable.Repeat(60m, 8)], new Dictionary<int, IReadOnlyList<decimal?>>
        {
            [2023] = Months(10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120), [2024] = flat, [2025] = flat,
        });
        Assert.Equal(ForecastMethod.LinearProRating, linear.Method);
        Assert.Equal(720m, linear.Value);
    }

    [Fact]
    public void Without_an_earlier_full_year_the_year_end_is_linear_and_says_why()
    {
        var earlier = new Dictionary<int, IReadOnlyList<decimal?>> { [2025] = [1, 1, 1, null, 1, 1, 1, 1, 1, 1, 1, 1] };
        var forecast = ForecastRule.YearEnd([.. Enumerable.Repeat(60m, 8)], earlier);
        Assert.Equal(ForecastMethod.LinearProRating, forecast.Method);
        Assert.Equal(720m, forecast.Value);
        Assert.Equal("Linjär uppräkning", forecast.Method!.Value.SwedishName());
        Assert.EndsWith("(inget tidigare helt år att hämta säsongsmönster från). Den är den enda metoden som går att använda här.", forecast.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_end_forecast_needs_one_to_eleven_months()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ForecastRule.YearEnd([], new Dictionary<int, IReadOnlyList<decimal?>>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => ForecastRule.YearEnd([.. Enumerable.Repeat(1m, 12)], new Dictionary<int, IReadOnlyList<decimal?>>()));
    }

    [Fact]
    public void A_straight_line_is_continued_by_the_recent_linear_trend_which_had_no_error_in_its_backtests()
    {
        // 40, 42, … 52 (2019–2025): forecasting 2 years ahead from 2021, 2022 and 2023 the linear trend hit exactly,
        // the damped trend fell short and the latest value by 4.
        var forecast = ForecastRule.PlanEnd(Years(2019, 40, 42, 44, 46, 48, 50, 52), 2027, Share);

        Assert.Equal((ForecastMethod.RecentLinearTrend, 56m), (forecast.Method!.Value, forecast.Value!.Value));
        Assert.Equal((2m, 3m, 0m), (forecast.Inputs["förändring per år"], forecast.Inputs["antal prövningar"], forecast.Inputs["medelfel"]));
        Assert.Equal("Linjär trend de senaste åren: förändringen +2,0\u00A0procentenheter per år (de senaste 4 åren, 2022–2025), fortsatt från 52,0\u00A0% år 2025, ger 56,0\u00A0% år 2027. "
            + "Metoden valdes för att den hade minst medelfel när seriens egen historik prognostiserades 2 år framåt: 0,0\u00A0procentenheter i 3 prövningar "
            + "(senaste värdet 4,0\u00A0procentenheter; dämpad trend 1,1\u00A0procentenheter). "
            + "Medelnivå de senaste åren prövades inte: den skulle vända en obruten ökning de senaste 6 åren.", forecast.Explanation);
    }

    [Fact]
    public void A_level_with_noise_is_forecast_by_a_level_and_not_by_a_trend()
    {
        var forecast = ForecastRule.PlanEnd(Years(2017, 50, 53, 48, 51, 49, 52, 47, 50, 53), 2027, Share);

        Assert.Contains(forecast.Method!.Value, new[] { ForecastMethod.LastValue, ForecastMethod.RecentMean });
        Assert.InRange(forecast.Value!.Value, 47m, 53m);
    }

    [Fact]
    public void After_a_level_shift_only_the_values_from_the_shift_on_are_used()
    {
        // 70 → 55 is nine times the other changes' typical size (1,5): the years before it no longer describe the series.
        var forecast = ForecastRule.PlanEnd(Years(2019, 70, 55, 56.5m, 58m, 59.5m, 61m, 62.5m), 2027, Share);

        Assert.StartsWith("Serien bytte nivå 2020: förändringen det året var mer än 4 gånger så stor som de andra årens typiska förändring, så bara värdena från 2020 används.",
            forecast.Explanation, StringComparison.Ordinal);
        Assert.Equal(6m, forecast.Inputs["antal år"]);   // 2020–2025
        Assert.Equal(65.5m, forecast.Value);
    }

    [Fact]
    public void With_too_few_backtests_the_default_is_the_damped_trend_after_a_run_and_the_latest_value_otherwise()
    {
        var run = ForecastRule.PlanEnd(Years(2022, 10, 12, 13, 15), 2027);
        var noRun = ForecastRule.PlanEnd(Years(2023, 10, 12, 11), 2027);

        Assert.Equal(ForecastMethod.DampedTrend, run.Method);
        Assert.Contains("standardmetoden dämpad trend används", run.Explanation, StringComparison.Ordinal);
        Assert.Equal((ForecastMethod.LastValue, 11m), (noRun.Method!.Value, noRun.Value!.Value));
        Assert.Contains("standardmetoden senaste värdet används", noRun.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_from_the_target_year_on_are_not_used()
    {
        var forecast = ForecastRule.PlanEnd(Years(2023, 10, 11, 99, 99), 2025);

        Assert.Equal(2m, forecast.Inputs["antal år"]);
        Assert.Equal(11m, forecast.Value);
    }

    [Fact]
    public void A_plan_end_forecast_needs_two_years_with_values()
    {
        var forecast = ForecastRule.PlanEnd([new YearValue(2020, 41), new YearValue(2021, null)], 2027);
        Assert.Null(forecast.Value);
        Assert.Equal(NotAssessableReason.TooFewValues, forecast.Reason);
    }
}
