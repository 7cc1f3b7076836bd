namespace Indicators.Data.Plans;

// The stored state of each part of a plan, as the audit log records it before and after a change: codes and names, not
// only ids, so an entry can be read without the rows it names (which may since have been deleted).

public sealed record PlanState(int Id, string AreaId, string Name, string? Vision, int StartYear, int EndYear);

public sealed record PlanVersionState(
    int Id, int PlanId, string PlanName, string Name, string Kind, string? Author, DateOnly? DecidedOn, bool IsCurrent,
    string? DecidedBy = null, string? DecisionSection = null, DateOnly? CurrentFrom = null, string? Revises = null);

public sealed record GoalAreaState(int Id, int PlanVersionId, string Code, string Name, string? Description, string Kind, int SortOrder);

public sealed record GoalState(
    int Id, int GoalAreaId, string GoalAreaCode, string Code, string Name, string? Description, string? OwnerCommitteeCode,
    IReadOnlyList<string> ContributorCodes, int SortOrder, IReadOnlyList<string> IndicatorCodes);

public sealed record CommitteeState(int Id, string AreaId, string Code, string Name);

public sealed record AreaState(string Id, string Name, string ShortName, string Kind);
