using Indicators.Core.Attainment;

namespace Indicators.Core.Tests.Attainment;

public class GoalAssessmentRuleTests
{
    const AttainmentStatus A = AttainmentStatus.Achieved;
    const AttainmentStatus N = AttainmentStatus.NotAchieved;

    /// <summary>
    /// Indicators as "status progress" pairs, e.g. "A+ P- N= X?": status A uppnått, P delvis, N ej uppnått, X kan ej bedömas;
    /// progress + i fas, * målet nått, = behöver öka takten, ~ begränsad utveckling, - försämring, ? kan ej bedömas.
    /// An optional weight follows a colon: "N=:2".
    /// </summary>
    internal static List<IndicatorJudgement> Parse(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((code, i) => new IndicatorJudgement(
            $"Indikator {i + 1}",
            code[0] switch { 'A' => A, 'P' => AttainmentStatus.PartlyAchieved, 'N' => N, _ => AttainmentStatus.NotAssessable },
            Trend.NotAssessable,
            code[1] switch
            {
                '+' => ProgressCategory.OnTrack,
                '*' => ProgressCategory.TargetAchieved,
                '=' => ProgressCategory.NeedsAcceleration,
                '~' => ProgressCategory.LimitedProgress,
                '-' => ProgressCategory.Deterioration,
                _ => ProgressCategory.NotAssessable,
            },
            code.Length > 3 && code[2] == ':' ? decimal.Parse(code[3..], System.Globalization.CultureInfo.InvariantCulture) : 1))];

    [Theory]
    [InlineData("", GoalAssessment.NotAssessable)]
    [InlineData("X? X-", GoalAssessment.NotAssessable)]
    [InlineData("A+ A- X?", GoalAssessment.Met)]
    [InlineData("A?", GoalAssessment.Met)]
    [InlineData("A+ N-", GoalAssessment.PartlyMet)]
    [InlineData("A- N- N- N-", GoalAssessment.PartlyMet)]
    // Goal 2.1 of the demo in Delår jan–aug 2026: six ej uppnått, one delvis, all improving – most are ej uppnått.
    [InlineData("N+ N+ N+ N+ N+ P+ N+", GoalAssessment.NotMet)]
    [InlineData("N= N+", GoalAssessment.NotMet)]
    [InlineData("N-", GoalAssessment.NotMet)]
    // Half ej uppnått is not more than half; a delvis with försämring adds half its weight.
    [InlineData("N= P=", GoalAssessment.PartlyMet)]
    [InlineData("N= P-", GoalAssessment.NotMet)]
    [InlineData("N= P= P=", GoalAssessment.PartlyMet)]
    [InlineData("N= N= P=", GoalAssessment.NotMet)]
    [InlineData("P= P=", GoalAssessment.PartlyMet)]
    [InlineData("P+ P*", GoalAssessment.PartlyMet)]
    [InlineData("P- P-", GoalAssessment.PartlyMet)]
    [InlineData("P- P- P-", GoalAssessment.PartlyMet)]
    // Weights: one heavy ej uppnått outweighs two delvis.
    [InlineData("N=:3 P= P=", GoalAssessment.NotMet)]
    [InlineData("N=:1 P=:3", GoalAssessment.PartlyMet)]
    public void A_goal_is_suggested_from_its_indicators_by_the_default_rule(string indicators, GoalAssessment expected)
    {
        Assert.Equal(expected, GoalAssessmentRule.Suggest(Parse(indicators)).Assessment);
    }

    [Theory]
    // Uppfyllt from 75 %: a delvis in fas counts half uppnådd.
    [InlineData("A= A= A= N=", 75, 50, GoalAssessment.Met)]
    [InlineData("A= A= P+ P+", 75, 50, GoalAssessment.Met)]
    [InlineData("A= A= P= P+", 75, 50, GoalAssessment.PartlyMet)]
    [InlineData("A= A=:2 N=", 66, 50, GoalAssessment.Met)]
    [InlineData("A=:2 A= N=:2", 66, 50, GoalAssessment.PartlyMet)]
    // Ej uppfyllt already at more than a third ej uppnådd.
    [InlineData("N= P= P=", 100, 33, GoalAssessment.NotMet)]
    [InlineData("N= P= P= P=", 100, 33, GoalAssessment.PartlyMet)]
    // Ej uppfyllt at 0 %: any ej uppnådd weight when nothing is uppnått.
    [InlineData("P- P= P=", 100, 0, GoalAssessment.NotMet)]
    [InlineData("P= P= P+", 100, 0, GoalAssessment.PartlyMet)]
    public void A_plan_sets_the_shares_of_its_rule(string indicators, double metShare, double notMetShare, GoalAssessment expected)
    {
        var rule = new GoalRule((decimal)metShare, (decimal)notMetShare);
        Assert.Empty(rule.Validate());
        Assert.Equal(expected, GoalAssessmentRule.Suggest(Parse(indicators), rule).Assessment);
    }

    [Fact]
    public void The_explanation_states_the_rule_as_configured_the_weighted_counts_and_each_indicators_part()
    {
        var result = GoalAssessmentRule.Suggest(
        [
            new("Väntetid till operation", AttainmentStatus.NotAchieved, Trend.Worse, ProgressCategory.Deterioration, 2),
            new("Andel nöjda patienter", AttainmentStatus.PartlyAchieved, Trend.Better, ProgressCategory.OnTrack),
            new("Vårdskador", AttainmentStatus.NotAssessable),
        ], new GoalRule(80, 60));
        Assert.Equal(GoalAssessment.NotMet, result.Assessment);
        Assert.Equal((3m, 0.5m, 2m), (result.AssessableWeight, result.CountedAchieved, result.CountedNotAchieved));
        Assert.Equal(
            "Förslag: Ej uppfyllt – ingen indikator är uppnådd och mer än 60\u00A0% räknas som ej uppnådd. "
            + "Räknat med vikter: 0,5 av 3 uppnådd (16,7\u00A0%), 2 ej uppnådd (66,7\u00A0%). "
            + "Regel: Uppfyllt när minst 80\u00A0% av de bedömbara indikatorernas vikt räknas som uppnådd; "
            + "ej uppfyllt när ingen indikator är uppnådd och mer än 60\u00A0% av vikten räknas som ej uppnådd; annars delvis uppfyllt. "
            + "Indikatorer: Väntetid till operation: ej uppnått, försämring, trend sämre, vikt 2, räknas 2 ej uppnådd; "
            + "Andel nöjda patienter: delvis uppnått, i fas, trend bättre, vikt 1, räknas 0,5 uppnådd; "
            + "Vårdskador: kan ej bedömas, vikt 1.",
            result.Explanation);
    }

    [Fact]
    public void Without_weights_the_explanation_gives_plain_counts()
    {
        var result = GoalAssessmentRule.Suggest(Parse("A+ N= P="));
        Assert.StartsWith(
            "Förslag: Delvis uppfyllt – en del är uppnådd men mindre än 100\u00A0%. Räknat: 1 av 3 uppnådd (33,3\u00A0%), 1 ej uppnådd (33,3\u00A0%).",
            result.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("vikt 1", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malomrade_is_judged_from_all_its_goals_indicators_together()
    {
        var result = GoalAssessmentRule.SuggestForArea([Parse("A+ A="), Parse("N- X?"), Parse("N-")]);
        Assert.Equal(GoalAssessment.PartlyMet, result.Assessment);
        Assert.Equal(4, result.Assessable);
        Assert.Equal(2, result.Achieved);
        Assert.Equal(GoalAssessment.Met, GoalAssessmentRule.SuggestForArea([Parse("A+"), Parse("A-")]).Assessment);
        Assert.Equal(GoalAssessment.NotMet, GoalAssessmentRule.SuggestForArea([Parse("N= P="), Parse("N+")], GoalRule.Default).Assessment);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.01)]
    public void A_weight_of_zero_or_less_or_above_the_maximum_is_refused(double weight)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GoalAssessmentRule.Suggest(
            [new("Indikator", AttainmentStatus.Achieved), new("Noll", AttainmentStatus.NotAssessable, Weight: (decimal)weight)]));
        Assert.NotNull(GoalRule.WeightError((decimal)weight, "Noll"));
    }

    [Theory]
    [InlineData(100, 50, null, null)]
    [InlineData(0, 0, "MetShare", "Andelen för uppfyllt måste vara större än 0\u00A0% och högst 100\u00A0%, med högst två decimaler (nu 0\u00A0%).")]
    [InlineData(100.5, 50, "MetShare", "Andelen för uppfyllt måste vara större än 0\u00A0% och högst 100\u00A0%, med högst två decimaler (nu 100,5\u00A0%).")]
    [InlineData(100, 100, "NotMetShare", "Andelen för ej uppfyllt måste vara minst 0\u00A0% och mindre än 100\u00A0%, med högst två decimaler (nu 100\u00A0%).")]
    [InlineData(100, -1, "NotMetShare", "Andelen för ej uppfyllt måste vara minst 0\u00A0% och mindre än 100\u00A0%, med högst två decimaler (nu \u22121\u00A0%).")]
    [InlineData(50, 50, "MetShare", "Andelen för uppfyllt (50\u00A0%) måste vara större än andelen för ej uppfyllt (50\u00A0%).")]
    [InlineData(66.666, 50, "MetShare", "Andelen för uppfyllt måste vara större än 0\u00A0% och högst 100\u00A0%, med högst två decimaler (nu 66,666\u00A0%).")]
    public void The_shares_are_checked_with_Swedish_messages(double met, double notMet, string? field, string? message)
    {
        var errors = new GoalRule((decimal)met, (decimal)notMet).Validate();
        if (field is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal((field, message), (error.Field, error.Message));
        }
    }

    [Fact]
    public void Every_assessment_has_a_Swedish_name_and_a_shape()
    {
        Assert.Equal("Ej uppfyllt", GoalAssessment.NotMet.SwedishName());
        Assert.Equal(4, Enum.GetValues<GoalAssessment>().Select(a => a.Symbol()).Distinct().Count());
    }
}
