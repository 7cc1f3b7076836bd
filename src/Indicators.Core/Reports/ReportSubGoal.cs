using Indicators.Core.Attainment;

namespace Indicators.Core.Reports;

/// <summary>
/// A delmål of the nämnd's plan under a report's mål (issue 20): its own suggestion from its indicators, which are
/// judged against the nämndplan's målvärden (<see cref="CommitteePlans.SubGoalTargets.Overlay"/>).
/// </summary>
public sealed record ReportSubGoal(
    int SubGoalId,
    string Code,
    string Name,
    string? Description,
    string CommitteePlanName,
    GoalAssessment Suggested,
    string SuggestedExplanation,
    IReadOnlyList<ReportIndicator> Indicators);
