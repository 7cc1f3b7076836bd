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

/// <summary>One indicator's part in a goal: its name, its status and (if known) its trend.</summary>
public sealed record IndicatorJudgement(string Name, AttainmentStatus Status, Trend Trend = Trend.NotAssessable);

/// <summary>A suggested assessment with the counts behind it and a Swedish explanation naming the indicators.</summary>
public sealed record GoalAssessmentResult(
    GoalAssessment Assessment,
    int Assessable,
    int Achieved,
    int Worsening,
    string Explanation);

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
