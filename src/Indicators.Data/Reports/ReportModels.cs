using Indicators.Core.Reports;

namespace Indicators.Data.Reports;

/// <summary>A report period with each nämnd's report state, for the list and the period page.</summary>
public sealed record ReportPeriodSummary(
    int Id,
    int PlanId,
    string PlanName,
    int PlanVersionId,
    string VersionName,
    int Year,
    ReportKind Kind,
    DateTimeOffset CreatedAt,
    IReadOnlyList<CommitteeReportState> Committees)
{
    /// <summary>"Delårsrapport 2026 (jan–aug)".</summary>
    public string Title => Kind.Title(Year);

    /// <summary>The period's state: finalised when every nämnd has finalised, under review when none is still open.</summary>
    public ReportState State =>
        Committees.Count > 0 && Committees.All(c => c.State == ReportState.Finalised) ? ReportState.Finalised
        : Committees.Count > 0 && Committees.All(c => c.State != ReportState.Open) ? ReportState.UnderReview
        : ReportState.Open;
}

/// <summary>One nämnd's report in a period: its state, who moved it last, and how many of its goals it has assessed.</summary>
public sealed record CommitteeReportState(
    int CommitteeId,
    string CommitteeName,
    ReportState State,
    int Version,
    DateTimeOffset? SubmittedAt,
    string? SubmittedBy,
    DateTimeOffset? FinalisedAt,
    string? FinalisedBy,
    int Goals,
    int AssessedGoals);

/// <summary>
/// A nämnd's report as its page shows it: the document (the frozen snapshot when finalised, the figures it was submitted
/// with under review, else built now), its state, and for a submitted or finalised report how today's data and plan differ
/// from its figures.
/// </summary>
public sealed record CommitteeReportView(ReportDocument Document, CommitteeReportState State, ReportRevision? Revision);

/// <summary>One text field that someone else changed while it was being edited here; <see cref="Theirs"/> is their text.</summary>
public sealed record TextConflict(string Field, string FieldName, string Theirs, string? By, DateTimeOffset? At);

/// <summary>
/// The outcome of saving a goal's texts or a comment: <see cref="Conflicts"/> empty means saved. Otherwise nothing was
/// saved, the conflicts say whose newer text stands in the way, and <see cref="Current"/> is what is stored now (the next
/// save, made knowing their text, goes through).
/// </summary>
public sealed record SaveResult<T>(T Current, IReadOnlyList<TextConflict> Conflicts)
{
    public bool Saved => Conflicts.Count == 0;
}
