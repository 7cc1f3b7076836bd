using Indicators.Core.Attainment;
using Indicators.Core.FollowUp;
using Indicators.Core.Periods;
using Indicators.Core.Plans;

namespace Indicators.Core.Tests.FollowUp;

public class PeriodStandingRuleTests
{
    // A 2025–2027 plan, higher is better, målvärden 80 / 85 / 90 %.
    static IndicatorOverview Share(params Outcome[] series) => new(
        1, "N79173", "Medicinsk bedömning inom 3 dagar", "%", 1, Direction.HigherIsBetter, false, false,
        [new(2025, null, 80m, null, null, false, null), new(2026, null, 85m, null, null, false, null), new(2027, null, 90m, null, null, false, null)],
        Series: series);

    static PeriodStanding Judge(IndicatorOverview indicator, FollowUpPeriod period) =>
        indicator.StandingIn(period, 2025, 2027);

    [Fact]
    public void A_year_is_judged_by_its_annual_value_before_any_month_of_it()
    {
        var indicator = Share(Outcome.Of(Period.OfMonth(2025, 12), 70m), Outcome.Of(Period.OfYear(2025), 81m), Outcome.Of(Period.OfYear(2024), 75m));

        var standing = Judge(indicator, FollowUpPeriod.WholeYear(2025));

        Assert.Equal(Period.OfYear(2025), standing.Outcome!.Period);
        Assert.False(standing.IsLagging);
        Assert.Equal(AttainmentStatus.Achieved, standing.Status.Status);
        Assert.Equal(Trend.Better, standing.Trend!.Trend);
    }

    [Fact]
    public void The_interim_period_ignores_outcomes_after_august()
    {
        var indicator = Share(Outcome.Of(Period.OfMonth(2026, 8), 84m), Outcome.Of(Period.OfMonth(2026, 9), 99m), Outcome.Of(Period.OfMonth(2025, 8), 82m));

        var standing = Judge(indicator, FollowUpPeriod.Interim(2026));

        Assert.Equal(Period.OfMonth(2026, 8), standing.Outcome!.Period);
        Assert.Equal(AttainmentStatus.NotAchieved, standing.Status.Status);
        Assert.Equal([Period.OfMonth(2025, 8), Period.OfMonth(2026, 8)], standing.Recent.Select(o => o.Period));
    }

    [Fact]
    public void An_unpublished_year_is_judged_by_the_latest_earlier_outcome_against_the_periods_target_and_says_so()
    {
        var indicator = Share(Outcome.Of(Period.OfYear(2023), 70m), Outcome.Of(Period.OfYear(2024), 78m));

        var standing = Judge(indicator, FollowUpPeriod.Interim(2025));

        Assert.Equal(Period.OfYear(2024), standing.Outcome!.Period);
        Assert.True(standing.IsLagging);
        Assert.Equal(80m, standing.Target!.Value.Value);
        Assert.Equal(AttainmentStatus.NotAchieved, standing.Status.Status);
        Assert.StartsWith("Utfall för 2025 är ännu inte publicerat; det senaste utfallet (2024) jämförs med målvärdet för 2025.", standing.Status.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_outcome_up_to_the_period_the_status_cannot_be_assessed()
    {
        var indicator = Share(Outcome.Of(Period.OfYear(2026), 90m));

        var standing = Judge(indicator, FollowUpPeriod.WholeYear(2025));

        Assert.Null(standing.Outcome);
        Assert.Equal(AttainmentStatus.NotAssessable, standing.Status.Status);
        Assert.Equal(NotAssessableReason.NoValue, standing.Status.Reason);
        Assert.Empty(standing.Recent);
    }

    [Fact]
    public void Progress_runs_from_the_year_before_the_plan_to_the_plans_last_target()
    {
        var indicator = Share(Outcome.Of(Period.OfYear(2024), 70m), Outcome.Of(Period.OfYear(2025), 76m));

        var standing = Judge(indicator, FollowUpPeriod.WholeYear(2025));

        Assert.Equal(2024, standing.Progress.BaseYear);
        Assert.Equal(2025, standing.Progress.CurrentYear);
        Assert.Equal(ProgressCategory.OnTrack, standing.Progress.Category);
    }

    [Theory]
    [InlineData("2025", 2025, false, "Helår 2025")]
    [InlineData("2026-JA", 2026, true, "Delår jan–aug 2026")]
    public void A_follow_up_period_reads_its_code(string code, int year, bool interim, string name)
    {
        Assert.True(FollowUpPeriod.TryParse(code, out var period));
        Assert.Equal(new FollowUpPeriod(year, interim), period);
        Assert.Equal(code, period.Code);
        Assert.Equal(name, period.SwedishName);
    }

    [Theory]
    [InlineData("2025-08")]
    [InlineData("2025-T2")]
    [InlineData("år 2025")]
    [InlineData("")]
    public void Only_a_year_or_jan_aug_is_a_follow_up_period(string code)
    {
        Assert.False(FollowUpPeriod.TryParse(code, out _));
    }

    [Theory]
    [InlineData("2026-08", "2026-JA")]
    [InlineData("2025-12", "2025")]
    [InlineData("2025", "2025")]
    [InlineData("2024", "2025")]
    [InlineData("2031", "2027")]
    public void The_default_period_is_the_plan_year_of_the_newest_outcome(string newest, string expected)
    {
        Assert.Equal(expected, FollowUpPeriod.Default(2025, 2027, Period.Parse(newest)).Code);
    }
}
