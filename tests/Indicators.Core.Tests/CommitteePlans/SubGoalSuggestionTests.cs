using System.Text.Json;
using System.Text.Json.Serialization;
using Indicators.Core.Attainment;
using Indicators.Core.CommitteePlans;
using Indicators.Core.Periods;
using Indicators.Core.Plans;
using Indicators.Core.Reports;

namespace Indicators.Core.Tests.CommitteePlans;

/// <summary>A nämnd's suggestion of a regionplan mål from its delmål, and the målvärden a delmål's indicator is judged against.</summary>
public class SubGoalSuggestionTests
{
    static IndicatorJudgement J(string name, AttainmentStatus status) => new(name, status);

    [Fact]
    public void Without_delmal_the_suggestion_is_the_goal_rule_on_the_mals_own_indicators()
    {
        IndicatorJudgement[] own = [J("A", AttainmentStatus.Achieved), J("B", AttainmentStatus.Achieved)];

        var result = SubGoalSuggestion.SuggestGoal(own, []);

        Assert.Equal(GoalAssessmentRule.Suggest(own), result);
        Assert.Equal(GoalAssessment.Met, result.Assessment);
    }

    [Fact]
    public void With_delmal_only_the_delmals_indicators_count_and_the_explanation_names_the_delmal()
    {
        IndicatorJudgement[] own = [J("A", AttainmentStatus.Achieved), J("B", AttainmentStatus.Achieved)];
        SubGoalJudgement[] subGoals =
        [
            new("HSN-1", "Listade per allmänspecialist", [J("Listade", AttainmentStatus.NotAchieved)]),
            new("HSN-2", "Kostnad per DRG-poäng", [J("DRG", AttainmentStatus.NotAchieved)]),
        ];

        var result = SubGoalSuggestion.SuggestGoal(own, subGoals);

        Assert.Equal(GoalAssessment.NotMet, result.Assessment);
        Assert.Equal(2, result.Assessable);
        Assert.StartsWith("Utifrån nämndens delmål (HSN-1 Listade per allmänspecialist, HSN-2 Kostnad per DRG-poäng). Förslag: Ej uppfyllt", result.Explanation);
        Assert.Contains("Listade: ej uppnått", result.Explanation);
        Assert.DoesNotContain("A: uppnått", result.Explanation);
    }

    [Fact]
    public void The_delmals_indicators_are_weighed_together_by_the_plans_rule()
    {
        SubGoalJudgement[] subGoals =
        [
            new("D1", "Ett", [J("X", AttainmentStatus.Achieved), J("Y", AttainmentStatus.Achieved)]),
            new("D2", "Två", [J("Z", AttainmentStatus.NotAchieved)]),
        ];

        Assert.Equal(GoalAssessment.PartlyMet, SubGoalSuggestion.SuggestGoal([], subGoals).Assessment);
        // Two thirds uppnådda meet a plan that asks for 60 %.
        Assert.Equal(GoalAssessment.Met, SubGoalSuggestion.SuggestGoal([], subGoals, new GoalRule(60, 50)).Assessment);
        Assert.Equal(GoalAssessment.Met, SubGoalSuggestion.SuggestSubGoal(subGoals[0]).Assessment);
        Assert.Equal(GoalAssessment.NotMet, SubGoalSuggestion.SuggestSubGoal(subGoals[1]).Assessment);
    }

    [Fact]
    public void Delmal_without_indicators_leave_the_mal_kan_ej_bedomas_rather_than_falling_back_to_its_own()
    {
        var result = SubGoalSuggestion.SuggestGoal([J("A", AttainmentStatus.Achieved)], [new SubGoalJudgement("D1", "Utan indikatorer", [])]);

        Assert.Equal(GoalAssessment.NotAssessable, result.Assessment);
    }

    [Fact]
    public void The_nämndplans_målvärde_replaces_the_regionplans_for_its_year_and_gender_only()
    {
        TargetValue[] region = [new(2025, null, 15m, null, null, true, "r"), new(2026, null, 11m, null, null, true, "r"), new(2027, null, 7.5m, null, null, false, "r")];
        TargetValue[] own = [new(2027, null, 7m, null, null, false, "n"), new(2026, Observations.Gender.K, 10m, null, null, false, "n")];

        var overlaid = SubGoalTargets.Overlay(region, own);

        Assert.Equal([(2025, (Observations.Gender?)null, 15m), (2026, null, 11m), (2026, Observations.Gender.K, 10m), (2027, null, 7m)],
            overlaid.Select(t => (t.Year, t.Gender, t.Value!.Value)));
    }

    [Fact]
    public void A_nämnds_report_shows_the_delmal_under_its_mal_suggests_from_them_and_keeps_them_in_the_snapshot()
    {
        var drg = Indicator(8, "DRG", [new(2026, null, 11m, null, null, true, null)], Outcome.Of(Period.OfYear(2025), 12m), Outcome.Of(Period.OfYear(2026), 12m));
        var own = Indicator(7, "TEL", [new(2026, null, 80m, null, null, false, null)], Outcome.Of(Period.OfYear(2025), 90m), Outcome.Of(Period.OfYear(2026), 90m));
        var strict = drg with { Targets = SubGoalTargets.Overlay(drg.Targets, [new(2026, null, 9m, null, null, false, "nämndplan")]) };
        var plan = Plan(own) with
        {
            CommitteePlans = [new CommitteePlanOverview(5, 1, "HSN", "Verksamhetsplan 2025 (2026–2027)", 2025, 2027, null, null, null,
                [new SubGoalOverview(9, 1, "HSN-1", "Kostnad per DRG-poäng", "Citat", 1, [strict])])],
        };

        var goal = ReportBuilder.Build(Header(), plan, ReportInputs.None).Goals.Single();

        var subGoal = Assert.Single(goal.SubGoals);
        Assert.Equal("Verksamhetsplan 2025 (2026–2027)", subGoal.CommitteePlanName);
        var shown = Assert.Single(subGoal.Indicators);
        Assert.Equal(9m, shown.Target!.Value);
        Assert.Equal(AttainmentStatus.NotAchieved, shown.Status);
        Assert.Equal(GoalAssessment.NotMet, subGoal.Suggested);
        // The mål's own indicator is uppnått, but the nämnd's suggestion follows its delmål.
        Assert.Equal(AttainmentStatus.Achieved, goal.Indicators.Single().Status);
        Assert.Equal(GoalAssessment.NotMet, goal.Suggested);
        Assert.StartsWith("Utifrån nämndens delmål (HSN-1", goal.SuggestedExplanation);

        var options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };
        var json = JsonSerializer.Serialize(goal, options);
        var read = JsonSerializer.Deserialize<ReportGoal>(json, options)!;
        Assert.Equal(9m, Assert.Single(Assert.Single(read.SubGoals).Indicators).Target!.Value);
        var frozenBefore = JsonSerializer.Deserialize<ReportGoal>(json.Replace("\"SubGoals\":", "\"SubGoalsBefore\":", StringComparison.Ordinal), options)!;
        Assert.Empty(frozenBefore.SubGoals);
    }

    [Fact]
    public void Another_nämnds_delmal_under_a_mal_do_not_change_the_owners_report()
    {
        var own = Indicator(7, "TEL", [new(2026, null, 80m, null, null, false, null)], Outcome.Of(Period.OfYear(2026), 90m));
        var plan = Plan(own) with
        {
            CommitteePlans = [new CommitteePlanOverview(5, 2, "RS", "RS plan", 2025, 2027, null, null, null, [new SubGoalOverview(9, 1, "RS-1", "Annat", null, 1, [])])],
        };

        var goal = ReportBuilder.Build(Header(), plan, ReportInputs.None).Goals.Single();

        Assert.Empty(goal.SubGoals);
        Assert.Equal(GoalAssessment.Met, goal.Suggested);
    }

    static ReportHeader Header() => new(1, 1, "Regionplan 2025–2027", "Fastställd plan", "Region Västernorrland", 2026, ReportKind.Annual, 1, "HSN",
        ReportState.Open, null, null, DateTimeOffset.UnixEpoch);

    static PlanOverview Plan(IndicatorOverview own) => new(1, "Regionplan 2025–2027", null, "Region Västernorrland", 2025, 2027, "Fastställd plan", false,
        [new GoalAreaOverview(1, "2", "Vård", false, [new GoalOverview(1, "2.2", "Säker vård", "HSN", [own], 1)])],
        ReportKind.Annual.Period(2026));

    /// <summary>DRG (a cost above riket) is lower-is-better, the others higher-is-better.</summary>
    static IndicatorOverview Indicator(int id, string code, IReadOnlyList<TargetValue> targets, params Outcome[] series) => new(
        id, code, code, "%", 1, code == "DRG" ? Direction.LowerIsBetter : Direction.HigherIsBetter, false, false, targets, Series: series);
}
