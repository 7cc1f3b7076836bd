using Indicators.Core.Plans;

namespace Indicators.Core.Tests.Editing;

public class DraftValidationTests
{
    static readonly IndicatorDraft Indicator = new(
        "N79173", "Medicinsk bedömning inom 3 dagar", null, "%", 1, Direction.HigherIsBetter, "year", "rate", true,
        null, null, 0, null, "N79173", "HSN", "0022", ["0000", "0024"]);

    static TargetDraft Target(int year, decimal? value = 80, string? gender = null, decimal? min = null, decimal? max = null) =>
        new(year, gender, value, min, max, null, null, null, false);

    [Fact]
    public void A_complete_indicator_has_no_errors() => Assert.Empty(Indicator.Validate());

    [Fact]
    public void An_indicator_without_direction_is_told_to_choose_one_in_swedish()
    {
        var error = Assert.Single((Indicator with { Direction = null }).Validate());
        Assert.Equal("Direction", error.Field);
        Assert.StartsWith("Välj riktning", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_indicator_without_code_name_or_unit_gets_one_error_for_each()
    {
        var errors = (Indicator with { Code = " ", Name = "", Unit = "" }).Validate();
        Assert.Equal(["Code", "Name", "Unit"], errors.Select(e => e.Field));
    }

    [Fact]
    public void A_target_outside_the_plans_years_names_the_year_and_the_period()
    {
        var error = Assert.Single(Target(2029).Validate(2025, 2027, Direction.HigherIsBetter, false));
        Assert.Equal("Year", error.Field);
        Assert.Equal("Målvärdet för 2029 ligger utanför planens år 2025–2027.", error.Message);
    }

    [Fact]
    public void A_band_whose_min_exceeds_its_max_is_refused_with_both_numbers_in_swedish_format()
    {
        var error = Assert.Single(Target(2026, null, min: 12.5m, max: 10).Validate(2025, 2027, Direction.WithinBand, false));
        Assert.Equal("BandMin", error.Field);
        Assert.Contains("(12,5) är större än dess högsta (10)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gender_target_on_an_indicator_that_is_not_split_by_gender_is_refused() =>
        Assert.Equal("Gender", Assert.Single(Target(2026, gender: "K").Validate(2025, 2027, Direction.HigherIsBetter, false)).Field);

    [Fact]
    public void Two_targets_for_the_same_year_and_gender_are_refused_under_the_second_ones_path()
    {
        var errors = TargetDraft.ValidateAll([Target(2025), Target(2025, gender: "K"), Target(2025, 81)], 2025, 2027, Direction.HigherIsBetter, true);
        var error = Assert.Single(errors);
        Assert.Equal("Targets[2].Year", error.Field);
        Assert.Equal("Det finns redan ett målvärde för 2025.", error.Message);
    }

    [Fact]
    public void A_plan_ending_before_it_starts_is_refused()
    {
        var error = Assert.Single(new PlanDraft("Regionplan", null, 2027, 2025).Validate());
        Assert.Equal("EndYear", error.Field);
    }

    [Fact]
    public void A_goal_cannot_be_owned_by_and_contributed_to_by_the_same_committee() =>
        Assert.Equal("ContributorCodes", Assert.Single(new GoalDraft("1.2", "Vård i tid", null, "HSN", ["HSN"], 0).Validate()).Field);
}
