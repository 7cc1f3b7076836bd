using Indicators.Core.Attainment;

namespace Indicators.Core.CommitteePlans;

/// <summary>A delmål's part in its mål's suggestion: its code and name and its indicators' judgements.</summary>
public sealed record SubGoalJudgement(string Code, string Name, IReadOnlyList<IndicatorJudgement> Indicators);

/// <summary>
/// A nämnd's suggested assessment of a regionplan mål. Seed 003: "Bedömningen är en helhetsbedömning med utgångspunkt i
/// de delmål eller indikatorer som nämnden har beslutat om." So when the nämnd has delmål under the mål, the suggestion
/// is <see cref="GoalAssessmentRule"/> applied to the indicators of all its delmål together (each judged against the
/// nämndplan's målvärden, <see cref="SubGoalTargets.Overlay"/>), and the mål's own indicators do not count; when it has
/// none, it is the rule applied to the mål's own indicators, as before. A delmål without indicators adds nothing, so a mål
/// whose delmål have no indicators is kan ej bedömas. Each delmål also gets its own suggestion from its indicators.
/// </summary>
public static class SubGoalSuggestion
{
    public static GoalAssessmentResult SuggestGoal(
        IEnumerable<IndicatorJudgement> goalIndicators, IReadOnlyList<SubGoalJudgement> subGoals, GoalRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(goalIndicators);
        ArgumentNullException.ThrowIfNull(subGoals);
        if (subGoals.Count == 0)
        {
            return GoalAssessmentRule.Suggest(goalIndicators, rule);
        }

        var result = GoalAssessmentRule.Suggest(subGoals.SelectMany(s => s.Indicators), rule);
        var named = string.Join(", ", subGoals.Select(s => $"{s.Code} {s.Name}"));
        return result with { Explanation = $"Utifrån nämndens delmål ({named}). {result.Explanation}" };
    }

    /// <summary>One delmål's own suggestion: the rule applied to its indicators.</summary>
    public static GoalAssessmentResult SuggestSubGoal(SubGoalJudgement subGoal, GoalRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(subGoal);
        return GoalAssessmentRule.Suggest(subGoal.Indicators, rule);
    }
}
