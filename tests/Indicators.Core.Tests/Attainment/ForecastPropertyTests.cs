using CsCheck;
using Indicators.Core.Attainment;

namespace Indicators.Core.Tests.Attainment;

/// <summary>Sanity of every forecast from yearly values, over generated series (CsCheck).</summary>
public class ForecastPropertyTests
{
    static readonly Gen<decimal[]> Values = Gen.Int[-100_000, 100_000].Select(i => i / 100m).Array[2, 12];

    static YearValue[] Years(decimal[] values) => [.. values.Select((value, i) => new YearValue(2010 + i, value))];

    [Fact]
    public void A_run_of_three_or_more_changes_one_way_is_never_forecast_to_turn_back_past_the_latest_value()
    {
        // Any history, then a run of 3–6 strictly rising (or falling) values.
        Gen.Select(Values, Gen.Int[1, 1_000].Select(i => i / 10m).Array[3, 6], Gen.Bool, Gen.Int[1, 4])
            .Sample((history, steps, rising, ahead) =>
            {
                var values = history.ToList();
                foreach (var step in steps)
                {
                    values.Add(values[^1] + (rising ? step : -step));
                }

                var series = Years([.. values]);
                var forecast = ForecastRule.PlanEnd(series, series[^1].Year + ahead);
                var last = values[^1];
                return rising ? forecast.Value >= last : forecast.Value <= last;
            });
    }

    [Fact]
    public void A_trend_forecast_lies_on_the_side_of_the_latest_value_that_its_stated_change_per_year_says()
    {
        Gen.Select(Values, Gen.Int[1, 4]).Sample((values, ahead) =>
        {
            var series = Years(values);
            var forecast = ForecastRule.PlanEnd(series, series[^1].Year + ahead);
            if (!forecast.Inputs.TryGetValue("förändring per år", out var change))
            {
                return true;
            }

            return Math.Sign(forecast.Value!.Value - forecast.Inputs["senaste värde"]) == Math.Sign(change);
        });
    }

    [Fact]
    public void A_level_method_forecasts_within_the_range_of_the_values_it_was_made_from()
    {
        Gen.Select(Values, Gen.Int[1, 4]).Sample((values, ahead) =>
        {
            var forecast = ForecastRule.PlanEnd(Years(values), 2010 + values.Length - 1 + ahead);
            return forecast.Method is not (ForecastMethod.LastValue or ForecastMethod.RecentMean)
                || (forecast.Value >= values.Min() && forecast.Value <= values.Max());
        });
    }

    [Fact]
    public void The_same_series_always_gets_the_same_forecast_and_explanation()
    {
        Gen.Select(Values, Gen.Int[1, 4]).Sample((values, ahead) =>
        {
            var first = ForecastRule.PlanEnd(Years(values), 2030 + ahead);
            var second = ForecastRule.PlanEnd(Years([.. values]), 2030 + ahead);
            return first.Value == second.Value && first.Explanation == second.Explanation;
        });
    }
}
