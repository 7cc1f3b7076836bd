using Indicators.Core.Attainment;
using Indicators.Ingestion.Scheduling;
using Indicators.Web.Overview;

namespace Indicators.Web.Tests.Overview;

public class OverviewModelTests
{
    [Fact]
    public void A_goal_counts_its_indicators_per_status_and_suggests_partly_met_when_some_but_not_all_are_achieved()
    {
        var goal = HandBuiltPlan.Model().Goal(100)!;

        Assert.Equal(new StatusCounts(1, 0, 1, 0, 2), goal.Counts);
        Assert.Equal(GoalAssessment.PartlyMet, goal.Suggestion.Assessment);
        Assert.Equal(2, goal.Suggestion.Assessable);
        Assert.Equal(1, goal.Suggestion.Achieved);
        Assert.Contains("Andel i tid: uppnått", goal.Suggestion.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_goal_area_is_judged_from_all_its_goals_indicators_together()
    {
        var area = HandBuiltPlan.Model().Area(10)!;

        Assert.Equal(new StatusCounts(1, 0, 1, 1, 2), area.Counts);
        Assert.Equal(GoalAssessment.PartlyMet, area.Suggestion.Assessment);
        Assert.Equal(2, area.Suggestion.Assessable);
    }

    [Fact]
    public void A_goal_with_only_unassessable_indicators_cannot_be_assessed()
    {
        var goal = HandBuiltPlan.Model().Goal(101)!;

        Assert.Equal(GoalAssessment.NotAssessable, goal.Suggestion.Assessment);
        Assert.Equal(1, goal.Counts.NotAssessable);
    }

    [Fact]
    public void An_outcome_from_the_year_before_the_period_is_marked_as_lagging()
    {
        var rows = HandBuiltPlan.Model().Goal(100)!.Rows;

        Assert.False(rows.Single(r => r.Indicator.Name == "Andel i tid").Standing.IsLagging);
        Assert.True(rows.Single(r => r.Indicator.Name == "Väntande").Standing.IsLagging);
    }

    [Fact]
    public void A_failed_last_run_and_a_stale_source_need_attention_and_a_source_less_indicator_does_not()
    {
        var rows = HandBuiltPlan.Model().Goals.SelectMany(g => g.Rows).ToDictionary(r => r.Indicator.Name);

        Assert.True(rows["Andel i tid"].Freshness.LastRunFailed);
        Assert.Equal(7, rows["Andel i tid"].Freshness.SourceId);
        Assert.Equal(Freshness.Stale, rows["Väntande"].Freshness.Freshness);
        Assert.True(rows["Väntande"].Freshness.NeedsAttention);
        Assert.Null(rows["Utan målvärde"].Freshness.Freshness);
        Assert.False(rows["Utan målvärde"].Freshness.NeedsAttention);
    }

    [Fact]
    public void A_status_filter_keeps_only_matching_rows_and_the_goals_that_have_them_but_never_changes_counts_or_suggestions()
    {
        var model = HandBuiltPlan.Model(OverviewFilter.Parse(null, null, "uppnatt"));

        var shownGoals = model.ShownAreas.SelectMany(a => a.Shown).ToList();
        var goal = Assert.Single(shownGoals);
        Assert.Equal("Andel i tid", Assert.Single(goal.Shown).Indicator.Name);
        Assert.Equal(new StatusCounts(1, 0, 1, 0, 2), goal.Counts);
        Assert.Equal(GoalAssessment.PartlyMet, goal.Suggestion.Assessment);
    }

    [Fact]
    public void The_stale_filter_keeps_indicators_whose_data_is_stale_or_whose_last_run_failed()
    {
        var model = HandBuiltPlan.Model(OverviewFilter.Parse(null, null, "inaktuell"));

        var names = model.ShownAreas.SelectMany(a => a.Shown).SelectMany(g => g.Shown).Select(r => r.Indicator.Name).ToList();
        Assert.Equal(["Andel i tid", "Väntande"], names);
    }

    [Fact]
    public void A_nämnd_filter_keeps_the_goals_it_owns_and_elsewhere_only_the_indicators_it_owns()
    {
        var model = HandBuiltPlan.Model(OverviewFilter.Parse(null, HandBuiltPlan.Run.ToString(System.Globalization.CultureInfo.InvariantCulture), null));

        var shown = model.ShownAreas.SelectMany(a => a.Shown).ToDictionary(g => g.Goal.Code, g => g.Shown.Select(r => r.Indicator.Name).ToList());
        Assert.Equal(["1.1", "1.2"], shown.Keys);
        Assert.Equal(["Väntande"], shown["1.1"]);
        Assert.Equal(["Utan målvärde"], shown["1.2"]);
        Assert.Equal(["Hälso- och sjukvårdsnämnden", "Regionala utvecklingsnämnden"], model.Committees.Select(c => c.Name));
    }

    [Fact]
    public void An_unreadable_period_status_or_nämnd_is_ignored_with_a_Swedish_notice()
    {
        var filter = OverviewFilter.Parse("2025-13", "HSN?", "bra");

        Assert.Null(filter.Period);
        Assert.Null(filter.CommitteeId);
        Assert.Equal(StatusFilter.All, filter.Status);
        Assert.Equal(3, filter.Notices.Count);
        Assert.Contains("Perioden ”2025-13” finns inte; den senaste perioden visas i stället.", filter.Notices);
    }

    [Fact]
    public void A_delår_code_is_read_as_the_delår()
    {
        var filter = OverviewFilter.Parse("2026-JA", null, "delvis");

        Assert.Equal(Core.FollowUp.FollowUpPeriod.Interim(2026), filter.Period);
        Assert.Equal(StatusFilter.PartlyAchieved, filter.Status);
        Assert.Empty(filter.Notices);
    }
}
