using Indicators.Core.Assignments;
using Indicators.Core.Reports;

namespace Indicators.Data.Assignments;

/// <summary>What the uppdrag list can be narrowed to by deadline.</summary>
public enum AssignmentDeadline
{
    /// <summary>The end date has passed and the uppdrag is not closed (<see cref="AssignmentStateRule"/>).</summary>
    Overdue,

    /// <summary>The end date lies in the current year.</summary>
    EndsThisYear,

    /// <summary>The end date lies in the coming 90 days (today included) and the uppdrag is not closed.</summary>
    EndsSoon,
}

/// <summary>
/// The uppdrag list's filters; null means any. <see cref="GivenByCouncil"/> selects Regionfullmäktige's uppdrag (a null
/// giver), <see cref="GivenByCommitteeId"/> a nämnd's or styrelse's; <see cref="GoalId"/> the uppdrag serving one mål.
/// Without a version (and without a mål), the current version of each plan.
/// </summary>
public sealed record AssignmentFilter(
    int? VersionId = null, bool GivenByCouncil = false, int? GivenByCommitteeId = null, int? ReceiverCommitteeId = null,
    AssignmentStatus? Status = null, AssignmentDeadline? Deadline = null, int? GoalId = null);

/// <summary>One receiver's follow-up of an uppdrag in one report period, as the receiver wrote it.</summary>
public sealed record AssignmentFollowUp(
    int ReportPeriodId, int Year, ReportKind Kind, AssignmentStatus Status, string Comment, DateOnly? ExpectedCompletion, bool IsExample,
    string? UpdatedBy, DateTimeOffset UpdatedAt)
{
    public string PeriodTitle => Kind.Title(Year);
}

/// <summary>A receiver of an uppdrag with its latest follow-up (null before its first) and all of them, newest first.</summary>
public sealed record AssignmentReceiver(int CommitteeId, string Code, string Name, string Level, IReadOnlyList<AssignmentFollowUp> FollowUps)
{
    public AssignmentFollowUp? Latest => FollowUps.Count > 0 ? FollowUps[0] : null;

    /// <summary>"Hälso- och sjukvårdsnämnden" or "Hälso- och sjukvårdsnämnden (förvaltningen)".</summary>
    public string Shown => Level == ReceiverLevels.Administration ? $"{Name} (förvaltningen)" : Name;
}

/// <summary>A linked indicator of an uppdrag.</summary>
public sealed record AssignmentIndicatorLink(int Id, string Code, string Name);

/// <summary>
/// An uppdrag as the list and its page show it: its fields, giver (Regionfullmäktige when <see cref="GivenByCommitteeId"/>
/// is null), mål, receivers with their follow-ups, indicators, and its overall state from its receivers' latest
/// follow-ups (<see cref="AssignmentStateRule"/>). <see cref="RowVersion"/> is the row's, which an edit lands on.
/// </summary>
public sealed record AssignmentView(
    int Id, int PlanId, int PlanVersionId, string PlanName, string VersionName, string Code, string Text, int? GivenByCommitteeId, string GivenBy,
    int? GoalId, string? GoalCode, string? GoalName, DateOnly? StartDate, DateOnly? EndDate, bool IsExample, int SortOrder, string RowVersion,
    IReadOnlyList<AssignmentReceiver> Receivers, IReadOnlyList<AssignmentIndicatorLink> Indicators, AssignmentState State)
{
    /// <summary>The uppdrag as its form edits it.</summary>
    public AssignmentDraft ToDraft() => new(
        Code, Text, GivenByCommitteeId, GoalId, StartDate, EndDate, [.. Receivers.Select(r => new AssignmentReceiverDraft(r.CommitteeId, r.Level))],
        [.. Indicators.Select(i => i.Id)], IsExample, SortOrder);
}

/// <summary>A nämnd or styrelse an uppdrag can be given by or directed to.</summary>
public sealed record AssignmentCommittee(int Id, string AreaId, string Code, string Name);

/// <summary>A mål an uppdrag can serve, with its målområde's code for grouping.</summary>
public sealed record AssignmentGoalOption(int Id, string GoalAreaCode, string Code, string Name);

/// <summary>A plan version uppdrag can be created in.</summary>
public sealed record AssignmentVersionOption(int Id, int PlanId, string PlanName, string VersionName, bool IsCurrent);

/// <summary>What the form chooses from for one plan version: its organisation's nämnder and indicators, the version's mål.</summary>
public sealed record AssignmentFormOptions(
    AssignmentVersionOption Version, IReadOnlyList<AssignmentCommittee> Committees, IReadOnlyList<AssignmentGoalOption> Goals,
    IReadOnlyList<AssignmentIndicatorLink> Indicators);
