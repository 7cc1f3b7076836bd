using Indicators.Core.Attainment;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Core.Plans;

namespace Indicators.Core.Tests.Attainment;

public class StatusRuleTests
{
    static readonly Period Year2026 = Period.OfYear(2026);

    static StatusResult Assess(Direction direction, decimal value, decimal target, Tolerance? tolerance = null, string unit = "%") =>
        StatusRule.Assess(new IndicatorRule(direction, unit, 1, Aggregation.Rate, tolerance), Outcome.Of(Year2026, value), Target.Of(target));

    [Theory]
    // higher is better, absolute tolerance 5
    [InlineData(Direction.HigherIsBetter, 85, 80, 5, AttainmentStatus.Achieved)]
    [InlineData(Direction.HigherIsBetter, 80, 80, 5, AttainmentStatus.Achieved)]
    [InlineData(Direction.HigherIsBetter, 79.9, 80, 5, AttainmentStatus.PartlyAchieved)]
    [InlineData(Direction.HigherIsBetter, 75, 80, 5, AttainmentStatus.PartlyAchieved)]
    [InlineData(Direction.HigherIsBetter, 74.9, 80, 5, AttainmentStatus.NotAchieved)]
    [InlineData(Direction.HigherIsBetter, 79.9, 80, 0, AttainmentStatus.NotAchieved)]
    // lower is better, absolute tolerance 5
    [InlineData(Direction.LowerIsBetter, 75, 80, 5, AttainmentStatus.Achieved)]
    [InlineData(Direction.LowerIsBetter, 80, 80, 5, AttainmentStatus.Achieved)]
    [InlineData(Direction.LowerIsBetter, 85, 80, 5, AttainmentStatus.PartlyAchieved)]
    [InlineData(Direction.LowerIsBetter, 85.1, 80, 5, AttainmentStatus.NotAchieved)]
    [InlineData(Direction.LowerIsBetter, 80.1, 80, 0, AttainmentStatus.NotAchieved)]
    // negative values work the same way
    [InlineData(Direction.HigherIsBetter, -30, 0, 50, AttainmentStatus.PartlyAchieved)]
    [InlineData(Direction.LowerIsBetter, -10, -5, 0, AttainmentStatus.Achieved)]
    public void A_point_target_is_judged_in_the_indicators_direction_with_an_inclusive_absolute_tolerance(
        Direction direction, double value, double target, double tolerance, AttainmentStatus expected)
    {
        var result = Assess(direction, (decimal)value, (decimal)target, Tolerance.Absolute((decimal)tolerance));
        Assert.Equal(expected, result.Status);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void An_outcome_above_the_target_is_achieved_when_higher_is_better()
    {
        Assert.Equal(AttainmentStatus.Achieved, Assess(Direction.HigherIsBetter, 82, 80).Status);
        Assert.Equal(AttainmentStatus.NotAchieved, Assess(Direction.LowerIsBetter, 82, 80).Status);
    }

    [Theory]
    [InlineData(2.5, AttainmentStatus.Achieved)]
    [InlineData(2.0, AttainmentStatus.Achieved)]
    [InlineData(3.0, AttainmentStatus.Achieved)]
    [InlineData(1.9, AttainmentStatus.PartlyAchieved)]
    [InlineData(1.8, AttainmentStatus.PartlyAchieved)]
    [InlineData(1.7, AttainmentStatus.NotAchieved)]
    [InlineData(3.2, AttainmentStatus.PartlyAchieved)]
    [InlineData(3.3, AttainmentStatus.NotAchieved)]
    public void A_band_is_achieved_inside_and_partly_achieved_within_the_tolerance_of_the_nearest_bound(double value, AttainmentStatus expected)
    {
        var rule = new IndicatorRule(Direction.WithinBand, "%", 1, Aggregation.Rate, Tolerance.Absolute(0.2m));
        var result = StatusRule.Assess(rule, Outcome.Of(Year2026, (decimal)value), Target.Band(2m, 3m));
        Assert.Equal(expected, result.Status);
    }

    [Theory]
    // relative 10 % of the bound: 0.2 below min 2, 0.3 above max 3
    [InlineData(1.8, AttainmentStatus.PartlyAchieved)]
    [InlineData(1.79, AttainmentStatus.NotAchieved)]
    [InlineData(3.3, AttainmentStatus.PartlyAchieved)]
    [InlineData(3.31, AttainmentStatus.NotAchieved)]
    public void A_relative_band_tolerance_is_a_fraction_of_the_bound_passed(double value, AttainmentStatus expected)
    {
        var rule = new IndicatorRule(Direction.WithinBand, "%", 2, Aggregation.Rate, Tolerance.Relative(0.1m));
        Assert.Equal(expected, StatusRule.Assess(rule, Outcome.Of(Year2026, (decimal)value), Target.Band(2m, 3m)).Status);
    }

    [Theory]
    [InlineData(Direction.HigherIsBetter, 95, 100, AttainmentStatus.PartlyAchieved)]
    [InlineData(Direction.HigherIsBetter, 94.9, 100, AttainmentStatus.NotAchieved)]
    [InlineData(Direction.LowerIsBetter, 105, 100, AttainmentStatus.PartlyAchieved)]
    [InlineData(Direction.LowerIsBetter, 105.1, 100, AttainmentStatus.NotAchieved)]
    [InlineData(Direction.HigherIsBetter, -105, -100, AttainmentStatus.PartlyAchieved)]
    public void A_relative_tolerance_is_a_fraction_of_the_absolute_target(Direction direction, double value, double target, AttainmentStatus expected)
    {
        Assert.Equal(expected, Assess(direction, (decimal)value, (decimal)target, Tolerance.Relative(0.05m)).Status);
    }

    [Fact]
    public void Seed_listade_patienter_per_allmanspecialist_1350_against_1100_lower_is_better_relative_5_percent_is_not_achieved()
    {
        var rule = new IndicatorRule(Direction.LowerIsBetter, "antal", 0, Aggregation.Rate, Tolerance.Relative(0.05m));
        var result = StatusRule.Assess(rule, Outcome.Of(Year2026, 1350), Target.Of(1100));
        Assert.Equal(AttainmentStatus.NotAchieved, result.Status);
        Assert.Equal(250m, result.Shortfall);
        Assert.Equal(55m, result.ToleranceAmount);
        Assert.Equal(
            "Ej uppnått: utfall 1\u00A0350\u00A0antal mot målvärde 1\u00A0100\u00A0antal, 250\u00A0antal över; delvis-gräns 55\u00A0antal (5,0\u00A0% av målvärdet).",
            result.Explanation);
    }

    [Fact]
    public void A_count_that_names_what_it_counts_reads_in_that_noun_in_the_indicators_decimals()
    {
        var rule = new IndicatorRule(Direction.LowerIsBetter, "antal", 0, Aggregation.Rate, Tolerance.Relative(0.05m), CountedNoun: "patienter");
        var result = StatusRule.Assess(rule, Outcome.Of(Year2026, 1350.4m), Target.Of(1100));
        Assert.Equal(
            "Ej uppnått: utfall 1\u00A0350\u00A0patienter mot målvärde 1\u00A0100\u00A0patienter, 250\u00A0patienter över; delvis-gräns 55\u00A0patienter (5,0\u00A0% av målvärdet).",
            result.Explanation);
    }

    [Fact]
    public void Seed_kostnad_per_DRG_poang_9_1_percent_above_riket_against_7_5_with_tolerance_2_procentenheter_is_partly_achieved()
    {
        var result = Assess(Direction.LowerIsBetter, 9.1m, 7.5m, Tolerance.Absolute(2));
        Assert.Equal(AttainmentStatus.PartlyAchieved, result.Status);
        Assert.Equal(1.6m, result.Shortfall);
        Assert.Equal(
            "Delvis uppnått: utfall 9,1\u00A0% mot målvärde 7,5\u00A0%, 1,6\u00A0procentenheter över; delvis-gräns 2,0\u00A0procentenheter.",
            result.Explanation);
    }

    [Fact]
    public void Seed_resultat_minus_345_mnkr_against_0_in_2026_higher_is_better_tolerance_50_is_not_achieved()
    {
        var rule = new IndicatorRule(Direction.HigherIsBetter, "mnkr", 0, Aggregation.Rate, Tolerance.Absolute(50));
        var result = StatusRule.Assess(rule, Outcome.Of(Year2026, -345), Target.Of(0));
        Assert.Equal(AttainmentStatus.NotAchieved, result.Status);
        Assert.Equal(-345m, result.Margin);
        Assert.Equal(
            "Ej uppnått: utfall \u2212345\u00A0mnkr mot målvärde 0\u00A0mnkr, 345\u00A0mnkr under; delvis-gräns 50\u00A0mnkr.",
            result.Explanation);
    }

    [Fact]
    public void The_explanation_reads_like_the_issue_example()
    {
        var result = Assess(Direction.HigherIsBetter, 71.2m, 80m, Tolerance.Absolute(5));
        Assert.Equal(
            "Ej uppnått: utfall 71,2\u00A0% mot målvärde 80,0\u00A0%, 8,8\u00A0procentenheter under; delvis-gräns 5,0\u00A0procentenheter.",
            result.Explanation);
    }

    [Theory]
    [InlineData(82, "Uppnått: utfall 82,0\u00A0% mot målvärde 80,0\u00A0%, 2,0\u00A0procentenheter över.")]
    [InlineData(80, "Uppnått: utfall 80,0\u00A0% mot målvärde 80,0\u00A0%, lika med målvärdet.")]
    public void Without_a_tolerance_the_explanation_leaves_out_the_delvis_limit(double value, string expected)
    {
        Assert.Equal(expected, Assess(Direction.HigherIsBetter, (decimal)value, 80m).Explanation);
    }

    [Theory]
    [InlineData(1.5, "Delvis uppnått: utfall 1,5\u00A0% mot målintervall 2,0–3,0\u00A0%, 0,5\u00A0procentenheter under intervallet; delvis-gräns 1,0\u00A0procentenheter.")]
    [InlineData(2.5, "Uppnått: utfall 2,5\u00A0% mot målintervall 2,0–3,0\u00A0%, inom intervallet; delvis-gräns 1,0\u00A0procentenheter.")]
    [InlineData(4.5, "Ej uppnått: utfall 4,5\u00A0% mot målintervall 2,0–3,0\u00A0%, 1,5\u00A0procentenheter över intervallet; delvis-gräns 1,0\u00A0procentenheter.")]
    public void A_band_explains_where_the_outcome_lies(double value, string expected)
    {
        var rule = new IndicatorRule(Direction.WithinBand, "%", 1, Aggregation.Rate, Tolerance.Absolute(1));
        Assert.Equal(expected, StatusRule.Assess(rule, Outcome.Of(Year2026, (decimal)value), Target.Band(2, 3)).Explanation);
    }

    [Theory]
    [InlineData(ObservationStatus.Suppressed, NotAssessableReason.Suppressed, "Kan ej bedömas: utfallet är skyddat hos källan (för få observationer).")]
    [InlineData(ObservationStatus.Missing, NotAssessableReason.MissingAtSource, "Kan ej bedömas: utfallet saknas hos källan.")]
    [InlineData(ObservationStatus.NotPublished, NotAssessableReason.NotYetPublished, "Kan ej bedömas: data för perioden är ännu inte publicerade.")]
    [InlineData(ObservationStatus.Retracted, NotAssessableReason.Retracted, "Kan ej bedömas: utfallet är återkallat av källan.")]
    [InlineData(ObservationStatus.Ok, NotAssessableReason.NoValue, "Kan ej bedömas: utfall saknas.")]
    public void An_outcome_without_a_usable_value_cannot_be_assessed(ObservationStatus status, NotAssessableReason reason, string explanation)
    {
        var rule = new IndicatorRule(Direction.HigherIsBetter, "%");
        var result = StatusRule.Assess(rule, new Outcome(Year2026, null, status), Target.Of(80));
        Assert.Equal(AttainmentStatus.NotAssessable, result.Status);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(explanation, result.Explanation);
        Assert.False(result.IsAssessable);
    }

    [Fact]
    public void A_value_the_source_marks_as_suppressed_is_not_used_even_if_present()
    {
        var rule = new IndicatorRule(Direction.HigherIsBetter, "%");
        var result = StatusRule.Assess(rule, new Outcome(Year2026, 90, ObservationStatus.Suppressed), Target.Of(80));
        Assert.Equal(NotAssessableReason.Suppressed, result.Reason);
    }

    [Fact]
    public void An_outcome_without_a_target_for_its_year_cannot_be_assessed()
    {
        var rule = new IndicatorRule(Direction.HigherIsBetter, "%");
        var targets = new Dictionary<int, Target> { [2025] = Target.Of(80) };
        var result = StatusRule.Assess(rule, Outcome.Of(Year2026, 90), targets);
        Assert.Equal(AttainmentStatus.NotAssessable, result.Status);
        Assert.Equal(NotAssessableReason.NoTarget, result.Reason);
        Assert.Equal("Kan ej bedömas: målvärde saknas för året.", result.Explanation);
        Assert.Equal(AttainmentStatus.Achieved, StatusRule.Assess(rule, Outcome.Of(Period.OfYear(2025), 90), targets).Status);
    }

    [Theory]
    [InlineData("2026-JA", 800, AttainmentStatus.Achieved)]
    [InlineData("2026-JA", 799, AttainmentStatus.NotAchieved)]
    [InlineData("2026-T1", 400, AttainmentStatus.Achieved)]
    [InlineData("2026-T1", 399, AttainmentStatus.NotAchieved)]
    [InlineData("2026-Q2", 300, AttainmentStatus.Achieved)]
    [InlineData("2026-03", 100, AttainmentStatus.Achieved)]
    [InlineData("2026-03", 99, AttainmentStatus.NotAchieved)]
    [InlineData("2026", 1199, AttainmentStatus.NotAchieved)]
    [InlineData("2026-T2", 400, AttainmentStatus.Achieved)]
    [InlineData("2026-08", 100, AttainmentStatus.Achieved)]
    public void A_sum_indicator_in_a_part_year_is_compared_with_the_target_pro_rated_by_months(string period, int value, AttainmentStatus expected)
    {
        var rule = new IndicatorRule(Direction.HigherIsBetter, "antal", 0, Aggregation.Sum);
        Assert.Equal(expected, StatusRule.Assess(rule, Outcome.Of(Period.Parse(period), value), Target.Of(1200)).Status);
    }

    [Fact]
    public void A_pro_rated_target_is_explained_with_the_annual_target_and_the_fraction()
    {
        var rule = new IndicatorRule(Direction.HigherIsBetter, "antal", 0, Aggregation.Sum);
        var result = StatusRule.Assess(rule, Outcome.Of(Period.OfJanuaryToAugust(2026), 835), Target.Of(1200));
        Assert.Equal(
            "Uppnått: utfall 835\u00A0antal mot målvärde 800\u00A0antal (helårsmål 1\u00A0200\u00A0antal × 8/12), 35\u00A0antal över.",
            result.Explanation);
        Assert.Equal(Target.Of(800), result.EffectiveTarget);
    }

    [Fact]
    public void A_rate_indicator_in_a_part_year_is_compared_with_the_annual_target_as_is()
    {
        var rule = new IndicatorRule(Direction.HigherIsBetter, "%", 1, Aggregation.Rate);
        var result = StatusRule.Assess(rule, Outcome.Of(Period.OfTertial(2026, 1), 79), Target.Of(80));
        Assert.Equal(AttainmentStatus.NotAchieved, result.Status);
        Assert.Equal(Target.Of(80), result.EffectiveTarget);
    }

    [Fact]
    public void A_sum_band_is_pro_rated_on_both_bounds()
    {
        var rule = new IndicatorRule(Direction.WithinBand, "antal", 0, Aggregation.Sum);
        var result = StatusRule.Assess(rule, Outcome.Of(Period.OfQuarter(2026, 1), 30), Target.Band(100, 200));
        Assert.Equal(Target.Band(25, 50), result.EffectiveTarget);
        Assert.Equal(AttainmentStatus.Achieved, result.Status);
    }

    [Fact]
    public void A_target_of_a_thousand_is_pro_rated_exactly_to_two_thirds()
    {
        Assert.Equal(Target.Of(800), Target.Of(1200).ProRate(8));
        Assert.Equal(1000m * 8 / 12, Target.Of(1000).ProRate(8).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => Target.Of(1).ProRate(0));
    }

    [Fact]
    public void A_band_target_for_a_higher_is_better_indicator_is_a_programming_error()
    {
        var rule = new IndicatorRule(Direction.HigherIsBetter, "%");
        Assert.Throws<ArgumentException>(() => StatusRule.Assess(rule, Outcome.Of(Year2026, 1), Target.Band(1, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Target.Band(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tolerance.Absolute(-1));
    }

    [Theory]
    [InlineData(AttainmentStatus.Achieved, "● Uppnått")]
    [InlineData(AttainmentStatus.PartlyAchieved, "◐ Delvis uppnått")]
    [InlineData(AttainmentStatus.NotAchieved, "✕ Ej uppnått")]
    [InlineData(AttainmentStatus.NotAssessable, "? Kan ej bedömas")]
    public void Every_status_has_a_Swedish_name_and_a_distinct_shape(AttainmentStatus status, string label)
    {
        Assert.Equal(label, status.Label());
        Assert.Equal(4, Enum.GetValues<AttainmentStatus>().Select(s => s.Symbol()).Distinct().Count());
    }
}
