using System.Globalization;
using Indicators.Core.Attainment;
using Indicators.Core.Plans;

namespace Indicators.Core.Tests.Attainment;

public class ProgressMeasureTests
{
    static List<YearValue> Series(string text) =>
        [.. text.Split(';').Select(part => part.Split(':')).Select(p => new YearValue(
            int.Parse(p[0], CultureInfo.InvariantCulture),
            p[1].Length == 0 ? null : decimal.Parse(p[1], CultureInfo.InvariantCulture)))];

    [Theory]
    [ClassData(typeof(ProgressMeasureReferenceCases))]
    public void Progress_matches_the_Open_SDG_reference(
        string name, int baseYear, int targetYear, Direction direction, decimal? target, string series,
        ProgressCategory expected, double? expectedValue, int? expectedBaseYear)
    {
        var result = ProgressMeasure.Measure(Series(series), new ProgressOptions(baseYear, targetYear, direction, target));
        Assert.True(expected == result.Category, $"{name}: {result.Explanation}");
        if (expectedValue is { } value)
        {
            Assert.Equal(value, result.Value!.Value, 1e-9);
        }
        else
        {
            Assert.Null(result.Value);
        }

        if (expectedBaseYear is { } year)
        {
            Assert.Equal(year, result.BaseYear);
        }

        Assert.Equal(expected == ProgressCategory.NotAssessable, result.Reason is not null);
    }

    [Fact]
    public void A_negative_value_cannot_be_assessed_even_where_Python_would_give_a_real_number()
    {
        // One year apart the exponent is 1 and Python computes (−5/10) − 1 = −1.5; the sign change makes it meaningless.
        var result = ProgressMeasure.Measure(Series("2025:10;2026:-5"), new ProgressOptions(2025, 2030, Direction.HigherIsBetter));
        Assert.Equal(ProgressCategory.NotAssessable, result.Category);
        Assert.Equal(NotAssessableReason.UndefinedForValues, result.Reason);
    }

    [Fact]
    public void Resultat_below_zero_is_not_assessable_but_reaching_the_target_is_still_målet_nått()
    {
        var falling = ProgressMeasure.Measure(Series("2024:-100;2025:-345"), new ProgressOptions(2024, 2026, Direction.HigherIsBetter, 0));
        Assert.Equal(ProgressCategory.NotAssessable, falling.Category);
        var reached = ProgressMeasure.Measure(Series("2024:-100;2025:20"), new ProgressOptions(2024, 2026, Direction.HigherIsBetter, 0));
        Assert.Equal(ProgressCategory.TargetAchieved, reached.Category);
    }

    [Fact]
    public void A_band_direction_cannot_be_assessed()
    {
        var result = ProgressMeasure.Measure(Series("2024:1;2025:2"), new ProgressOptions(2024, 2026, Direction.WithinBand, 2));
        Assert.Equal(ProgressCategory.NotAssessable, result.Category);
    }

    [Fact]
    public void A_target_year_equal_to_the_base_year_cannot_be_assessed()
    {
        var result = ProgressMeasure.Measure(Series("2024:1;2025:2"), new ProgressOptions(2024, 2024, Direction.HigherIsBetter, 3));
        Assert.Equal(ProgressCategory.NotAssessable, result.Category);
    }

    [Fact]
    public void Custom_thresholds_replace_the_defaults()
    {
        var options = new ProgressOptions(2015, 2030, Direction.HigherIsBetter, null, new ProgressThresholds(0.05, 0.02, 0));
        var result = ProgressMeasure.Measure(Series("2015:100;2017:106"), options);
        Assert.Equal(ProgressCategory.NeedsAcceleration, result.Category);
    }

    [Fact]
    public void Two_values_for_one_year_are_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() =>
            ProgressMeasure.Measure(Series("2015:1;2015:2"), new ProgressOptions(2015, 2030, Direction.HigherIsBetter)));
    }

    [Fact]
    public void Progress_explains_itself_in_Swedish()
    {
        var result = ProgressMeasure.Measure(Series("2020:70;2024:75"), new ProgressOptions(2020, 2030, Direction.HigherIsBetter, 90));
        Assert.Equal(ProgressCategory.NeedsAcceleration, result.Category);
        Assert.StartsWith("Behöver öka takten: 2020–2024: 70,0 → 75,0, årlig förändring 1,74\u00A0% mot 2,54\u00A0% som krävs för målvärde 90,0 2030", result.Explanation, StringComparison.Ordinal);
        Assert.Equal("Kan ej bedömas: färre än två år med värde från basåret 2015.",
            ProgressMeasure.Measure(Series("2015:1"), new ProgressOptions(2015, 2030, Direction.HigherIsBetter)).Explanation);
    }
}
