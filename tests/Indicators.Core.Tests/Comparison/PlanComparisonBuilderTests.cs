using Indicators.Core.Attainment;
using Indicators.Core.Comparison;
using Indicators.Core.FollowUp;
using Indicators.Core.Periods;
using Indicators.Core.Plans;

namespace Indicators.Core.Tests.Comparison;

public class PlanComparisonBuilderTests
{
    static readonly FollowUpPeriod Year2025 = FollowUpPeriod.WholeYear(2025);

    static ComparedSide Side(int versionId, string name) =>
        new(1, "Regionplan 2025–2027", "0022", "Region Västernorrland", versionId, name, "adopted", 2025, 2027, false);

    // Higher is better; outcome 2025: 82 %.
    static IndicatorOverview Share(int id, string code, decimal target2025, decimal target2026 = 85m) => new(
        id, code, $"Indikator {code}", "%", 1, Direction.HigherIsBetter, false, false,
        [new(2025, null, target2025, null, null, false, null), new(2026, null, target2026, null, null, false, null)],
        Series: [Outcome.Of(Period.OfYear(2025), 82m)]);

    static PlanOverview Plan(string version, params GoalAreaOverview[] areas) =>
        new(1, "Regionplan 2025–2027", null, "Region Västernorrland", 2025, 2027, version, false, areas, Year2025);

    static GoalOverview Goal(int id, string code, string name, params IndicatorOverview[] indicators) => new(id, code, name, null, indicators);

    [Fact]
    public void Mål_with_the_same_code_and_text_are_the_same_and_a_changed_wording_is_marked_changed()
    {
        var left = Plan("Fastställd plan", new GoalAreaOverview(1, "1", "Hälsa", false,
            [Goal(11, "1.1", "Vård i rätt tid", Share(100, "N1", 80m)), Goal(12, "1.2", "Jämlik hälsa", Share(101, "N2", 80m))]));
        var right = Plan("Förslag", new GoalAreaOverview(2, "1", "Hälsa", false,
            [Goal(21, "1.1", "Vård i rätt tid", Share(100, "N1", 80m)), Goal(22, "1.2", "Jämlik och god hälsa", Share(101, "N2", 80m))]));

        var comparison = PlanComparisonBuilder.Build(Side(1, "Fastställd plan"), left, Side(2, "Förslag"), right, [], Year2025);

        var area = Assert.Single(comparison.GoalAreas);
        Assert.Equal(MatchKind.ByCode, area.Match);
        Assert.Equal(Difference.Changed, area.Difference);
        Assert.Equal([Difference.Same, Difference.Changed], area.Goals.Select(g => g.Difference));
        Assert.All(area.Goals, g => Assert.Equal(MatchKind.ByCode, g.Match));
        Assert.Contains(new TextPiece("och god ", PieceKind.Added), area.Goals[1].Name.Pieces);
    }

    [Fact]
    public void Unmatched_mål_are_on_one_side_only_in_plan_order_and_an_analysts_match_pairs_mål_whose_codes_differ()
    {
        var left = Plan("Fastställd plan", new GoalAreaOverview(1, "1", "Hälsa", false,
            [Goal(11, "1.1", "Vård i rätt tid"), Goal(12, "1.2", "Jämlik hälsa"), Goal(13, "1.3", "Bort")]));
        var right = Plan("Förslag", new GoalAreaOverview(2, "1", "Hälsa", false,
            [Goal(21, "1.1", "Vård i rätt tid"), Goal(24, "1.4", "Ny"), Goal(25, "1.5", "Jämlik hälsa")]));

        var unmatched = PlanComparisonBuilder.Build(Side(1, "A"), left, Side(2, "B"), right, [], Year2025);
        var matched = PlanComparisonBuilder.Build(Side(1, "A"), left, Side(2, "B"), right, [new GoalMatch(25, 12)], Year2025);

        Assert.Equal(["1.1/1.1", "1.2/", "1.3/", "/1.4", "/1.5"], unmatched.GoalAreas[0].Goals.Select(g => $"{g.LeftCode}/{g.RightCode}"));
        Assert.Equal([Difference.Same, Difference.OnlyLeft, Difference.OnlyLeft, Difference.OnlyRight, Difference.OnlyRight],
            unmatched.GoalAreas[0].Goals.Select(g => g.Difference));
        var goals = matched.GoalAreas[0].Goals;
        Assert.Equal(["1.1/1.1", "/1.4", "1.2/1.5", "1.3/"], goals.Select(g => $"{g.LeftCode}/{g.RightCode}"));
        Assert.Equal(MatchKind.ByAnalyst, goals[2].Match);
        Assert.Equal(Difference.Same, goals[2].Difference);
        Assert.Equal((12, 25), (goals[2].LeftGoalId, goals[2].RightGoalId));
    }

    [Fact]
    public void Målområden_whose_codes_differ_are_paired_through_an_analysts_match_of_their_mål()
    {
        var left = Plan("A", new GoalAreaOverview(1, "1", "Hälsa", false, [Goal(11, "1.1", "Vård")]),
            new GoalAreaOverview(2, "2", "Ekonomi", false, [Goal(12, "2.1", "Balans")]));
        var right = Plan("B", new GoalAreaOverview(3, "1", "Hälsa", false, [Goal(21, "1.1", "Vård")]),
            new GoalAreaOverview(4, "E", "Ekonomi i balans", false, [Goal(22, "E.1", "Balans")]));

        var comparison = PlanComparisonBuilder.Build(Side(1, "A"), left, Side(2, "B"), right, [new GoalMatch(12, 22)], Year2025);

        Assert.Equal(2, comparison.GoalAreas.Count);
        var economy = comparison.GoalAreas[1];
        Assert.Equal(("2", "E", MatchKind.ByAnalyst, Difference.Changed), (economy.LeftCode, economy.RightCode, economy.Match, economy.Difference));
        var goal = Assert.Single(economy.Goals);
        Assert.Equal(("2.1", "E.1", Difference.Same), (goal.LeftCode, goal.RightCode, goal.Difference));
    }

    [Fact]
    public void A_mål_whose_indicators_differ_is_changed_though_its_text_is_the_same()
    {
        var left = Plan("A", new GoalAreaOverview(1, "1", "Hälsa", false, [Goal(11, "1.1", "Vård", Share(100, "N1", 80m))]));
        var right = Plan("B", new GoalAreaOverview(2, "1", "Hälsa", false, [Goal(21, "1.1", "Vård", Share(100, "N1", 80m), Share(101, "N2", 80m))]));

        var comparison = PlanComparisonBuilder.Build(Side(1, "A"), left, Side(2, "B"), right, [], Year2025);

        var goal = comparison.GoalAreas[0].Goals[0];
        Assert.Equal(Difference.Changed, goal.Difference);
        Assert.Equal(["N1"], goal.LeftIndicatorCodes);
        Assert.Equal(["N1", "N2"], goal.RightIndicatorCodes);
        Assert.Equal(Difference.OnlyRight, comparison.Indicators.Single(i => i.Code == "N2").Difference);
    }

    [Fact]
    public void Målvärden_are_side_by_side_per_year_with_the_difference_and_the_outcome_is_judged_under_each_side()
    {
        // 82 % in 2025: achieved against 80 %, not against the proposal's stricter 90 %.
        var left = Plan("Fastställd plan", new GoalAreaOverview(1, "1", "Hälsa", false,
            [Goal(11, "1.1", "Vård", Share(100, "N1", 80m), Share(101, "N2", 80m))]));
        var right = Plan("Förslag", new GoalAreaOverview(2, "1", "Hälsa", false,
            [Goal(21, "1.1", "Vård", Share(100, "N1", 90m), Share(101, "N2", 80m))]));

        var comparison = PlanComparisonBuilder.Build(Side(1, "Fastställd plan"), left, Side(2, "Förslag"), right, [], Year2025);

        var strict = comparison.Indicators.Single(i => i.Code == "N1");
        Assert.Equal(Difference.Changed, strict.Difference);
        Assert.Equal([2025, 2026, 2027], strict.Targets.Select(t => t.Year));
        var target = strict.Targets[0];
        Assert.Equal((80m, 90m, "80,0\u00A0%", "90,0\u00A0%", 10m), (target.LeftValue, target.RightValue, target.LeftText, target.RightText, target.Difference));
        Assert.Null(strict.Targets[2].LeftText);
        Assert.Equal("82,0\u00A0%", strict.LatestOutcomeText);
        Assert.Equal(AttainmentStatus.Achieved, strict.Left!.Status);
        Assert.Equal(AttainmentStatus.NotAchieved, strict.Right!.Status);
        Assert.Equal("90,0\u00A0%", strict.Right.TargetText);
        Assert.Equal(Share(100, "N1", 90m).StandingIn(Year2025, 2025, 2027).Status.Explanation,
            strict.Right.Explanation);
        Assert.Equal(Difference.Same, comparison.Indicators.Single(i => i.Code == "N2").Difference);
        Assert.Equal("2 av 2 uppnådda", comparison.LeftCounts.Summary);
        Assert.Equal("1 av 2 uppnådda", comparison.RightCounts.Summary);
        Assert.Equal(1, comparison.RightCounts.NotAchieved);
    }

    [Fact]
    public void Between_two_organisations_each_side_is_judged_on_its_own_areas_outcome_and_shows_it()
    {
        // The same Kolada indicator in two regions' plans: Västernorrland 82 %, Västerbotten 88 %, both against 85 %.
        var left = Plan("Fastställd plan", new GoalAreaOverview(1, "1", "Hälsa", false, [Goal(11, "1.1", "Vård", Share(100, "N1", 85m))]));
        var bottnia = Share(100, "N1", 85m) with { Series = [Outcome.Of(Period.OfYear(2025), 88m)] };
        var right = Plan("Regionplan 2024–2027", new GoalAreaOverview(2, "R 1", "Hälsa", false, [Goal(21, "R 1", "Vård", bottnia)]));
        var västerbotten = new ComparedSide(2, "Regionplan 2024–2027", "0024", "Region Västerbotten", 7, "Regionplan 2024–2027", "adopted", 2024, 2027, false);

        var comparison = PlanComparisonBuilder.Build(Side(1, "Fastställd plan"), left, västerbotten, right, [], Year2025);

        Assert.False(comparison.SharesOutcomes);
        var indicator = comparison.Indicators.Single();
        Assert.Equal(("82,0\u00A0%", "2025"), (indicator.Left!.OutcomeText, indicator.Left.OutcomePeriodText));
        Assert.Equal(("88,0\u00A0%", "2025"), (indicator.Right!.OutcomeText, indicator.Right.OutcomePeriodText));
        Assert.NotEqual(AttainmentStatus.Achieved, indicator.Left.Status);
        Assert.Equal(AttainmentStatus.Achieved, indicator.Right.Status);
        Assert.True(PlanComparisonBuilder.Build(Side(1, "A"), left, Side(2, "B"), left, [], Year2025).SharesOutcomes);
    }

    [Fact]
    public void The_default_period_is_the_left_versions_as_the_overview_chooses_it()
    {
        var left = Plan("A", new GoalAreaOverview(1, "1", "Hälsa", false, [Goal(11, "1.1", "Vård", Share(100, "N1", 80m))]));

        Assert.Equal(FollowUpPeriod.WholeYear(2025), PlanComparisonBuilder.DefaultPeriod(left));
    }
}
