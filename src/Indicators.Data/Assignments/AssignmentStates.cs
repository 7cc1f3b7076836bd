namespace Indicators.Data.Assignments;

// The stored state of an uppdrag and its rows, as the audit log records them before and after a change: codes and
// names beside ids, so an entry reads without the rows it names (which may since have been deleted).

/// <summary>An uppdrag's own row: its version by name, the giver by code (Regionfullmäktige when no committee), its mål by code.</summary>
public sealed record AssignmentRecordState(
    int Id, int PlanVersionId, string Version, string Code, string Text, string GivenBy, string? Goal, DateOnly? StartDate,
    DateOnly? EndDate, bool IsExample, int SortOrder);

/// <summary>One receiver of an uppdrag: the nämnd by code and whether the nämnd or its förvaltning carries it out.</summary>
public sealed record AssignmentReceiverState(int AssignmentId, string Assignment, int CommitteeId, string Committee, string Level, int SortOrder);

/// <summary>One indicator that shows how an uppdrag goes.</summary>
public sealed record AssignmentIndicatorState(int AssignmentId, string Assignment, int IndicatorId, string Indicator, int SortOrder);
