using Indicators.Core.Reports;

namespace Indicators.Data.Reports;

/// <summary>A reviewer's comment as the return form gives it: on a goal, or (no goal) on the report as a whole.</summary>
public sealed record ReviewCommentDraft(int? GoalId, string Text);

/// <summary>
/// A reviewer's comment on a returned report, kept after the return: who wrote it when, and whether the nämnd has marked
/// it resolved (åtgärdad), by whom and when. People by display name.
/// </summary>
public sealed record ReviewComment(
    int Id, int? GoalId, string Text, string CreatedBy, DateTimeOffset CreatedAt, string? ResolvedBy, DateTimeOffset? ResolvedAt)
{
    public bool IsResolved => ResolvedAt is not null;
}

/// <summary>The region's report finalised: when, by whom (display name) and the decision.</summary>
public sealed record RegionReportDecision(DateTimeOffset FinalisedAt, string FinalisedBy, ReportDecision Decision);
