using Indicators.Core.Attainment;
using Indicators.Core.Periods;
using Indicators.Core.Plans;

namespace Indicators.Core.Tests.Attainment;

public class ComparableValuesTests
{
    /// <summary>Monthly values from january of <paramref name="fromYear"/> to <paramref name="lastMonth"/> of <paramref name="toYear"/>.</summary>
    static List<Outcome> Months(int fromYear, int toYear, int lastMonth, Func<int, int, decimal> value) =>
        [.. Enumerable.Range(fromYear, toYear - fromYear + 1)
            .SelectMany(year => Enumerable.Range(1, year == toYear ? lastMonth : 12).Select(month => Outcome.Of(Period.OfMonth(year, month), value(year, month))))];

    [Fact]
    public void Months_give_rolling_12_months_up_to_the_latest_month_each_year_then_the_same_month_then_nothing_else()
    {
        var outcomes = Months(2023, 2026, 8, (year, month) => year * 100 + month);

        var candidates = ComparableValues.Candidates(outcomes, Aggregation.Rate);

        Assert.Equal([ComparableBasis.Rolling12Months, ComparableBasis.SamePeriodEachYear], candidates.Select(c => c.Basis));
        var rolling = candidates[0];
        // 2023 lacks sep–dec 2022. 2024: sep–dec 2023 and jan–aug 2024.
        Assert.Equal([2024, 2025, 2026], rolling.Values.Select(v => v.Year));
        Assert.Equal((new[] { 202309m, 202310m, 202311m, 202312m }.Sum() + Enumerable.Range(1, 8).Sum(month => 202400m + month)) / 12, rolling.Values[0].Value);
        Assert.Equal("sep 2023–aug 2024", rolling.Values[0].Label);
        Assert.Equal("rullande 12 månader t.o.m. augusti (medelvärde)", rolling.Description);
        Assert.Equal(["aug 2023", "aug 2024", "aug 2025", "aug 2026"], candidates[1].Values.Select(v => v.Label));
    }

    [Fact]
    public void A_sum_is_summed_over_the_12_months()
    {
        var candidates = ComparableValues.Candidates(Months(2024, 2025, 12, (_, month) => month), Aggregation.Sum);

        Assert.Equal([(2024, 78m), (2025, 78m)], candidates[0].Values.Select(v => (v.Year, v.Value!.Value)));
        Assert.Equal("jan 2024–dec 2024", candidates[0].Values[0].Label);
        Assert.Equal("rullande 12 månader t.o.m. december (summa)", candidates[0].Description);
    }

    [Fact]
    public void A_window_with_a_missing_or_unusable_month_is_left_out()
    {
        var outcomes = Months(2024, 2026, 8, (_, _) => 5m);
        outcomes[outcomes.FindIndex(o => o.Period == Period.OfMonth(2025, 3))] = Outcome.Lacking(Period.OfMonth(2025, 3), Observations.ObservationStatus.Suppressed);

        var rolling = ComparableValues.Candidates(outcomes, Aggregation.Rate)[0];

        Assert.Equal([2026], rolling.Values.Select(v => v.Year));
    }

    [Fact]
    public void Quarters_roll_over_four_quarters_and_jan_aug_compares_the_same_period()
    {
        var quarters = ComparableValues.Candidates(
            [Outcome.Of(Period.OfQuarter(2024, 3), 1), Outcome.Of(Period.OfQuarter(2024, 4), 2), Outcome.Of(Period.OfQuarter(2025, 1), 3),
             Outcome.Of(Period.OfQuarter(2025, 2), 4), Outcome.Of(Period.OfQuarter(2025, 3), 5)], Aggregation.Sum);
        Assert.Equal([(2025, 14m, "kv. 4 2024–kv. 3 2025")], quarters[0].Values.Select(v => (v.Year, v.Value!.Value, v.Label!)));
        Assert.Equal([2024, 2025], quarters[1].Values.Select(v => v.Year));

        var interim = ComparableValues.Candidates(
            [Outcome.Of(Period.OfYear(2024), 100), Outcome.Of(Period.OfJanuaryToAugust(2024), 60), Outcome.Of(Period.OfJanuaryToAugust(2025), 70)], Aggregation.Sum);
        Assert.Equal([ComparableBasis.SamePeriodEachYear, ComparableBasis.Years], interim.Select(c => c.Basis));
        Assert.Equal(["jan–aug 2024", "jan–aug 2025"], interim[0].Values.Select(v => v.Label));
    }

    [Fact]
    public void An_annual_latest_value_uses_the_annual_values_only()
    {
        var candidates = ComparableValues.Candidates(
            [Outcome.Of(Period.OfMonth(2025, 12), 1), Outcome.Of(Period.OfYear(2024), 10), Outcome.Of(Period.OfYear(2025), 12)], Aggregation.Rate);

        Assert.Equal([ComparableBasis.Years], candidates.Select(c => c.Basis));
        Assert.Equal([2024, 2025], candidates[0].Values.Select(v => v.Year));
    }

    [Fact]
    public void Progress_of_a_monthly_indicator_uses_rolling_12_months_and_says_so()
    {
        // Listade patienter per allmänspecialist, lower is better, 0 decimals: 1 400 a month in 2024, 1 340 from 2025.
        var outcomes = Months(2023, 2026, 8, (year, _) => year <= 2024 ? 1_400m : 1_340m);
        var options = new ProgressOptions(2024, 2027, Direction.LowerIsBetter, 1_100m,
            Display: new IndicatorRule(Direction.LowerIsBetter, "antal", 0));

        var result = ProgressMeasure.Measure(outcomes, Aggregation.Rate, options);

        Assert.Equal(ComparableBasis.Rolling12Months, result.Basis);
        Assert.Equal((2024, 2026), (result.BaseYear, result.CurrentYear));
        Assert.StartsWith("Begränsad utveckling. Metod: Open SDG:s tillväxtkvot mot målvärdet, på rullande 12 månader t.o.m. augusti (medelvärde). "
            + "sep 2023–aug 2024 1\u00A0400\u00A0antal → sep 2025–aug 2026 1\u00A0340\u00A0antal, målvärde 1\u00A0100\u00A0antal 2027.",
            result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_months_for_rolling_windows_fall_back_to_the_same_month_and_then_to_annual_values()
    {
        // Only jan–aug 2026 besides aug 2024: no complete window, but august is there in both years.
        var outcomes = Months(2026, 2026, 8, (_, _) => 50m).Append(Outcome.Of(Period.OfMonth(2024, 8), 40m)).ToList();
        var sameMonth = ProgressMeasure.Measure(outcomes, Aggregation.Rate, new ProgressOptions(2024, 2027, Direction.HigherIsBetter, 60m));
        // (50 / 40)^(1/2) − 1 = 11,8 % a year against (60 / 40)^(1/3) − 1 = 14,5 %: kvot 0,82.
        Assert.Equal((ComparableBasis.SamePeriodEachYear, ProgressCategory.NeedsAcceleration), (sameMonth.Basis, sameMonth.Category));

        var withYears = Months(2026, 2026, 8, (_, _) => 50m).Concat([Outcome.Of(Period.OfYear(2024), 40m), Outcome.Of(Period.OfYear(2025), 45m)]).ToList();
        var annual = ProgressMeasure.Measure(withYears, Aggregation.Rate, new ProgressOptions(2024, 2027, Direction.HigherIsBetter, 60m));
        Assert.Equal(ComparableBasis.Years, annual.Basis);
        Assert.Equal(2025, annual.CurrentYear);

        var nothing = ProgressMeasure.Measure(Months(2026, 2026, 8, (_, _) => 50m), Aggregation.Rate, new ProgressOptions(2024, 2027, Direction.HigherIsBetter, 60m));
        Assert.Equal(ProgressCategory.NotAssessable, nothing.Category);
        Assert.Equal(ComparableBasis.Rolling12Months, nothing.Basis);
    }
}
