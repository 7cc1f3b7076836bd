using Indicators.Core.Attainment;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Core.Plans;

namespace Indicators.Core.Tests.Attainment;

public class TrendRuleTests
{
    static TrendResult Compare(Direction direction, decimal now, decimal before, decimal minimum, Target? band = null) =>
        TrendRule.Compare(new IndicatorRule(direction, "%"), Outcome.Of(Period.OfYear(2026), now), Outcome.Of(Period.OfYear(2025), before), minimum, band);

    [Fact]
    public void A_count_of_inhabitants_reads_in_invånare_with_no_decimals()
    {
        var rule = new IndicatorRule(Direction.HigherIsBetter, "antal", 0, CountedNoun: "invånare");
        var result = TrendRule.Compare(rule, Outcome.Of(Period.OfYear(2025), 241_610m), Outcome.Of(Period.OfYear(2024), 242_343m), 100m, null);
        Assert.Equal(Trend.Worse, result.Trend);
        Assert.StartsWith("Sämre: 241\u00A0610\u00A0invånare 2025 mot 242\u00A0343\u00A0invånare 2024, 733\u00A0invånare lägre", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Direction.HigherIsBetter, 74, 71, 1, Trend.Better)]
    [InlineData(Direction.HigherIsBetter, 68, 71, 1, Trend.Worse)]
    [InlineData(Direction.HigherIsBetter, 71.5, 71, 1, Trend.Unchanged)]
    [InlineData(Direction.HigherIsBetter, 72, 71, 1, Trend.Better)]
    [InlineData(Direction.HigherIsBetter, 71, 71, 0, Trend.Unchanged)]
    [InlineData(Direction.HigherIsBetter, 71.1, 71, 0, Trend.Better)]
    [InlineData(Direction.LowerIsBetter, 68, 71, 1, Trend.Better)]
    [InlineData(Direction.LowerIsBetter, 74, 71, 1, Trend.Worse)]
    [InlineData(Direction.LowerIsBetter, 70.5, 71, 1, Trend.Unchanged)]
    [InlineData(Direction.LowerIsBetter, 70, 71, 1, Trend.Better)]
    public void A_change_is_judged_in_the_indicators_direction_with_a_minimum_difference(
        Direction direction, double now, double before, double minimum, Trend expected)
    {
        Assert.Equal(expected, Compare(direction, (decimal)now, (decimal)before, (decimal)minimum).Trend);
    }

    [Theory]
    [InlineData(1.5, 1.0, Trend.Better)]
    [InlineData(4.0, 3.5, Trend.Worse)]
    [InlineData(2.5, 1.0, Trend.Better)]
    [InlineData(2.5, 2.8, Trend.Unchanged)]
    [InlineData(1.0, 4.0, Trend.Unchanged)]
    [InlineData(0.5, 4.0, Trend.Worse)]
    [InlineData(3.5, 4.0, Trend.Better)]
    public void For_a_band_closer_to_the_band_is_better(double now, double before, Trend expected)
    {
        Assert.Equal(expected, Compare(Direction.WithinBand, (decimal)now, (decimal)before, 0, Target.Band(2, 3)).Trend);
    }

    [Fact]
    public void A_band_trend_without_a_band_cannot_be_assessed()
    {
        var result = Compare(Direction.WithinBand, 1, 2, 0);
        Assert.Equal(Trend.NotAssessable, result.Trend);
        Assert.Equal(NotAssessableReason.NoTarget, result.Reason);
        Assert.Equal("Kan ej bedömas: målvärde saknas för året.", result.Explanation);
    }

    [Theory]
    [InlineData(ObservationStatus.Ok, ObservationStatus.Suppressed, NotAssessableReason.Suppressed, "Kan ej bedömas (T2 2025): utfallet är skyddat hos källan (för få observationer).")]
    [InlineData(ObservationStatus.NotPublished, ObservationStatus.Ok, NotAssessableReason.NotYetPublished, "Kan ej bedömas (T2 2026): data för perioden är ännu inte publicerade.")]
    [InlineData(ObservationStatus.Missing, ObservationStatus.Retracted, NotAssessableReason.MissingAtSource, "Kan ej bedömas (T2 2026): utfallet saknas hos källan.")]
    public void A_trend_with_either_value_missing_cannot_be_assessed(
        ObservationStatus now, ObservationStatus before, NotAssessableReason reason, string explanation)
    {
        var rule = new IndicatorRule(Direction.HigherIsBetter, "%");
        var current = new Outcome(Period.OfTertial(2026, 2), now == ObservationStatus.Ok ? 5 : null, now);
        var previous = new Outcome(Period.OfTertial(2025, 2), before == ObservationStatus.Ok ? 5 : null, before);
        var result = TrendRule.Compare(rule, current, previous, 0);
        Assert.Equal(Trend.NotAssessable, result.Trend);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(explanation, result.Explanation);
    }

    [Fact]
    public void The_trend_compares_with_the_same_period_a_year_earlier_only()
    {
        var rule = new IndicatorRule(Direction.HigherIsBetter, "%");
        Assert.Throws<ArgumentException>(() =>
            TrendRule.Compare(rule, Outcome.Of(Period.OfTertial(2026, 2), 1), Outcome.Of(Period.OfTertial(2026, 1), 1), 0));
        Assert.Equal(Period.OfJanuaryToAugust(2025), TrendRule.YearEarlier(Period.OfJanuaryToAugust(2026)));
        Assert.Equal(Period.OfMonth(2025, 8), TrendRule.YearEarlier(Period.OfMonth(2026, 8)));
        Assert.Equal(Period.OfQuarter(2025, 3), TrendRule.YearEarlier(Period.OfQuarter(2026, 3)));
    }

    [Fact]
    public void A_trend_explains_itself_in_Swedish()
    {
        var rule = new IndicatorRule(Direction.LowerIsBetter, "dagar", 0);
        var result = TrendRule.Compare(rule, Outcome.Of(Period.OfTertial(2026, 2), 41), Outcome.Of(Period.OfTertial(2025, 2), 45), 2);
        Assert.Equal(Trend.Better, result.Trend);
        Assert.Equal("Bättre: 41\u00A0dagar T2 2026 mot 45\u00A0dagar T2 2025, 4\u00A0dagar lägre; minsta skillnad 2\u00A0dagar.", result.Explanation);
        Assert.Equal("▲", result.Trend.Symbol());
        Assert.Equal(4, Enum.GetValues<Trend>().Select(t => t.Symbol()).Distinct().Count());
    }
}
