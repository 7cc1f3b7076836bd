namespace Indicators.Data.PlanCode;

/// <summary>
/// A nämnd's plan under a version (issue 20), found by its nämnd's code and its name: its years, optional adoption record,
/// its delmål in order and the nämndplan's målvärden for their indicators (each indicator in at most one delmål).
/// </summary>
public sealed record CommitteePlanPart(
    string Committee, string Name, int StartYear, int EndYear, string? DecidedBy, DateOnly? DecidedOn, string? DecisionSection,
    IReadOnlyList<SubGoalPart> SubGoals, IReadOnlyList<TargetPart> Targets);

/// <summary>A delmål, by its code in the nämndplan, under the regionplan mål named by målområde and mål code, with its indicators in order.</summary>
public sealed record SubGoalPart(string Code, string GoalArea, string Goal, string Name, string? Description, IReadOnlyList<string> Indicators);
