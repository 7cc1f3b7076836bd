namespace Indicators.Core.Attainment;

/// <summary>A suggested assessment of a goal (mål) or a målområde.</summary>
public enum GoalAssessment
{
    Met,
    PartlyMet,
    NotMet,
    NotAssessable,
}

public static class GoalAssessmentNames
{
    public static string SwedishName(this GoalAssessment assessment) => assessment switch
    {
        GoalAssessment.Met => "Uppfyllt",
        GoalAssessment.PartlyMet => "Delvis uppfyllt",
        GoalAssessment.NotMet => "Ej uppfyllt",
        GoalAssessment.NotAssessable => "Kan ej bedömas",
        _ => throw new ArgumentOutOfRangeException(nameof(assessment), assessment, null),
    };

    /// <summary>The same shapes as <see cref="AttainmentStatusNames.Symbol"/>: ● ◐ ✕ ?.</summary>
    public static string Symbol(this GoalAssessment assessment) => assessment switch
    {
        GoalAssessment.Met => "●",
        GoalAssessment.PartlyMet => "◐",
        GoalAssessment.NotMet => "✕",
        GoalAssessment.NotAssessable => "?",
        _ => throw new ArgumentOutOfRangeException(nameof(assessment), assessment, null),
    };
}

/// <summary>
/// One indicator's part in a goal: its name, its status, (if known) its trend and its progress toward the plan's end
/// target, and its weight in the plan version (default 1; see <see cref="GoalAssessmentRule"/>).
/// </summary>
public sealed record IndicatorJudgement(
    string Name,
    AttainmentStatus Status,
    Trend Trend = Trend.NotAssessable,
    ProgressCategory Progress = ProgressCategory.NotAssessable,
    decimal Weight = GoalRule.DefaultWeight);

/// <summary>
/// A suggested assessment with the counts behind it and a Swedish explanation naming the rule and the indicators:
/// how many indicators are assessable, uppnådda and getting worse, and the weights counted as in
/// <see cref="GoalAssessmentRule"/> (the assessable indicators' total weight, the weight counted as uppnådd and as ej uppnådd).
/// </summary>
public sealed record GoalAssessmentResult(
    GoalAssessment Assessment,
    int Assessable,
    int Achieved,
    int Worsening,
    string Explanation,
    decimal AssessableWeight = 0,
    decimal CountedAchieved = 0,
    decimal CountedNotAchieved = 0);

/// <summary>The database's codes for an assessment: met, partly_met, not_met, not_assessable.</summary>
public static class GoalAssessmentCodes
{
    public static string Code(this GoalAssessment assessment) => assessment switch
    {
        GoalAssessment.Met => "met",
        GoalAssessment.PartlyMet => "partly_met",
        GoalAssessment.NotMet => "not_met",
        GoalAssessment.NotAssessable => "not_assessable",
        _ => throw new ArgumentOutOfRangeException(nameof(assessment), assessment, null),
    };

    public static GoalAssessment Parse(string code) => code switch
    {
        "met" => GoalAssessment.Met,
        "partly_met" => GoalAssessment.PartlyMet,
        "not_met" => GoalAssessment.NotMet,
        "not_assessable" => GoalAssessment.NotAssessable,
        _ => throw new FormatException($"Unknown assessment '{code}'."),
    };
}
