using Indicators.Core.Attainment;

namespace Indicators.Core.Tests.Attainment;

public class GoalAssessmentRuleTests
{
    const AttainmentStatus A = AttainmentStatus.Achieved;
    const AttainmentStatus P = AttainmentStatus.PartlyAchieved;
    const AttainmentStatus N = AttainmentStatus.NotAchieved;
    const AttainmentStatus X = AttainmentStatus.NotAssessable;

    /// <summary>Indicators as "status/trend" pairs, e.g. "A+ N- P=" (+ better, = unchanged, - worse, ? not assessable).</summary>
    static List<IndicatorJudgement> Parse(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((code, i) => new IndicatorJudgement(
            $"Indikator {i + 1}",
            code[0] switch { 'A' => A, 'P' => P, 'N' => N, _ => X },
            code[1] switch { '+' => Trend.Better, '=' => Trend.Unchanged, '-' => Trend.Worse, _ => Trend.NotAssessable }))];

    [Theory]
    [InlineData("", GoalAssessment.NotAssessable)]
    [InlineData("X? X-", GoalAssessment.NotAssessable)]
    [InlineData("A+ A- X?", GoalAssessment.Met)]
    [InlineData("A?", GoalAssessment.Met)]
    [InlineData("A+ N-", GoalAssessment.PartlyMet)]
    [InlineData("A- N- N- N-", GoalAssessment.PartlyMet)]
    [InlineData("N- N- P+", GoalAssessment.NotMet)]
    [InlineData("N- N+", GoalAssessment.PartlyMet)]
    [InlineData("N- P- X- X-", GoalAssessment.NotMet)]
    [InlineData("N- N= N? N+", GoalAssessment.PartlyMet)]
    [InlineData("P= P=", GoalAssessment.PartlyMet)]
    [InlineData("N-", GoalAssessment.NotMet)]
    public void A_goal_is_suggested_from_its_indicators_by_the_stated_rule(string indicators, GoalAssessment expected)
    {
        Assert.Equal(expected, GoalAssessmentRule.Suggest(Parse(indicators)).Assessment);
    }

    [Fact]
    public void The_explanation_lists_the_indicators_behind_it()
    {
        var result = GoalAssessmentRule.Suggest(
        [
            new("Väntetid till operation", AttainmentStatus.NotAchieved, Trend.Worse),
            new("Andel nöjda patienter", AttainmentStatus.Achieved, Trend.Better),
            new("Vårdskador", AttainmentStatus.NotAssessable),
        ]);
        Assert.Equal(GoalAssessment.PartlyMet, result.Assessment);
        Assert.Equal(
            "Förslag: Delvis uppfyllt – en del men inte alla bedömbara indikatorer är uppnådda (1 av 2 bedömbara uppnådda, 1 sämre). "
            + "Indikatorer: Väntetid till operation: ej uppnått, sämre; Andel nöjda patienter: uppnått, bättre; Vårdskador: kan ej bedömas.",
            result.Explanation);
    }

    [Fact]
    public void A_malomrade_is_judged_from_all_its_goals_indicators_together()
    {
        var result = GoalAssessmentRule.SuggestForArea([Parse("A+ A="), Parse("N- X?"), Parse("N-")]);
        Assert.Equal(GoalAssessment.PartlyMet, result.Assessment);
        Assert.Equal(4, result.Assessable);
        Assert.Equal(2, result.Achieved);
        Assert.Equal(2, result.Worsening);
        Assert.Equal(GoalAssessment.Met, GoalAssessmentRule.SuggestForArea([Parse("A+"), Parse("A-")]).Assessment);
    }

    [Fact]
    public void Every_assessment_has_a_Swedish_name_and_a_shape()
    {
        Assert.Equal("Ej uppfyllt", GoalAssessment.NotMet.SwedishName());
        Assert.Equal(4, Enum.GetValues<GoalAssessment>().Select(a => a.Symbol()).Distinct().Count());
    }
}
