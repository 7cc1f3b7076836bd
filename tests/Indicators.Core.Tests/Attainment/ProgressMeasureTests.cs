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
        ProgressCategory expected, double? expectedValue, int? expectedBaseYear, ProgressMethod? expectedMethod)
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
        Assert.Equal(expectedMethod, result.Method);
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
    public void A_deficit_that_grows_against_a_balanced_målvärde_is_a_deterioration_and_reaching_the_målvärde_is_målet_nått()
    {
        // Until issue 16 every negative value was "kan ej bedömas"; now the linear path judges a deficit going to balance.
        var falling = ProgressMeasure.Measure(Series("2024:-100;2025:-345"), new ProgressOptions(2024, 2026, Direction.HigherIsBetter, 0));
        Assert.Equal((ProgressCategory.Deterioration, ProgressMethod.LinearPath), (falling.Category, falling.Method));
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
    public void Progress_explains_itself_in_Swedish_naming_the_method_and_its_numbers()
    {
        var result = ProgressMeasure.Measure(Series("2020:70;2024:75"), new ProgressOptions(2020, 2030, Direction.HigherIsBetter, 90));
        Assert.Equal(ProgressCategory.NeedsAcceleration, result.Category);
        Assert.Equal(
            "Behöver öka takten. Metod: Open SDG:s tillväxtkvot mot målvärdet, på årsvärden. 2020 70,0 → 2024 75,0, målvärde 90,0 2030. "
            + "Förändring 1,74\u00A0% per år (mot målet); målvärdet kräver 2,54\u00A0% per år åt rätt håll: kvot 0,68; "
            + "i fas från 0,95, behöver öka takten från 0,6, begränsad utveckling från 0.",
            result.Explanation);
        Assert.Equal("Kan ej bedömas: inget värde efter basåret 2015 (2015 1,0 är det senaste).",
            ProgressMeasure.Measure(Series("2015:1"), new ProgressOptions(2015, 2030, Direction.HigherIsBetter)).Explanation);
    }

    [Fact]
    public void The_explanation_writes_values_in_the_indicators_own_decimals_and_unit()
    {
        var result = ProgressMeasure.Measure(Series("2024:-600;2025:-362"),
            new ProgressOptions(2024, 2027, Direction.HigherIsBetter, 0, Display: new IndicatorRule(Direction.HigherIsBetter, "mnkr", 0, Aggregation.Sum)));
        Assert.Equal(
            "I fas. Metod: linjär bana mot målvärdet, på årsvärden. 2024 −600\u00A0mnkr → 2025 −362\u00A0mnkr, målvärde 0\u00A0mnkr 2027 "
            + "(Open SDG:s tillväxtkvot går inte att använda: basvärdet och målvärdet har olika tecken). 238\u00A0mnkr av avståndet 600\u00A0mnkr "
            + "är avklarat (40\u00A0%) efter 1 av 3 år (33\u00A0% av tiden): kvot 1,19; i fas från 0,95, behöver öka takten från 0,6, begränsad utveckling från 0.",
            result.Explanation);

        var share = ProgressMeasure.Measure(Series("2024:16.6;2025:12.4"),
            new ProgressOptions(2024, 2027, Direction.HigherIsBetter, 16, Display: new IndicatorRule(Direction.HigherIsBetter, "%", 2)));
        Assert.StartsWith("Försämring. Metod: Open SDG:s tillväxtkvot mot målvärdet, på årsvärden. 2024 16,60\u00A0% → 2025 12,40\u00A0%, målvärde 16,00\u00A0% 2027. "
            + "Förändring −25,30\u00A0% per år (bort från målet); målvärdet kräver 1,22\u00A0% per år åt rätt håll: kvot −20,74;", share.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_series_names_the_sign_rule()
    {
        var result = ProgressMeasure.Measure(Series("2024:-600;2025:-362"), new ProgressOptions(2024, 2027, Direction.HigherIsBetter, -100));
        Assert.Contains("Förändring −39,67\u00A0% per år (mot målet) – värdena är negativa, så en minskning av beloppet räknas som en ökning", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_year_without_a_value_is_named_with_the_year_used_instead()
    {
        var result = ProgressMeasure.Measure(Series("2023:80;2025:84;2026:86"), new ProgressOptions(2024, 2027, Direction.HigherIsBetter, 90));
        Assert.Equal(2025, result.BaseYear);
        Assert.Contains("på årsvärden. Basåret 2024 saknar värde, så 2025 används: 2025 84,0 → 2026 86,0, målvärde 90,0 2027.", result.Explanation, StringComparison.Ordinal);

        var reached = ProgressMeasure.Measure(Series("2024:95"), new ProgressOptions(2024, 2027, Direction.HigherIsBetter, 90));
        Assert.Equal("Målet nått. Metod: Open SDG:s tillväxtkvot mot målvärdet, på årsvärden. 2024 95,0; målvärdet 90,0 2027 är nått (högre är bättre).", reached.Explanation);
    }
}
