using Indicators.Core.Assignments;

namespace Indicators.Core.Reports;

/// <summary>
/// An uppdrag as a report shows it: what it is, who gave it, the mål it serves and its end date, with the follow-up of
/// each receiver in the report's period and the overall state (<see cref="AssignmentStateRule"/>) judged when the report
/// was read, so a frozen report keeps the state it was decided with. A nämnd's report holds its own follow-up only; the
/// region's report every receiver's.
/// </summary>
/// <remarks><c>GivenBy</c>: "Regionfullmäktige" or the giving committee's name; <c>ByFullmaktige</c> true for the former.</remarks>
public sealed record ReportAssignment(
    int AssignmentId,
    string Code,
    string Text,
    string GivenBy,
    bool ByFullmaktige,
    string? GoalCode,
    string? GoalName,
    DateOnly? StartDate,
    DateOnly? EndDate,
    bool IsExample,
    IReadOnlyList<ReportAssignmentFollowUp> FollowUps,
    AssignmentState State);

/// <summary>
/// One receiver's follow-up of an uppdrag in the report period: <see cref="Status"/> null while it has not followed it
/// up. <see cref="ExpectedCompletion"/> is the receiver's prognos of when it will be done. <see cref="Version"/> is 0 before
/// anything is stored; every save raises it. <see cref="ToAdministration"/>: the nämnd gave it to its förvaltning.
/// </summary>
public sealed record ReportAssignmentFollowUp(
    int CommitteeId,
    string CommitteeName,
    bool ToAdministration,
    AssignmentStatus? Status,
    string Comment,
    DateOnly? ExpectedCompletion,
    bool IsExample = false,
    int Version = 0,
    string? UpdatedBy = null,
    DateTimeOffset? UpdatedAt = null);

/// <summary>The uppdrag section's rules: the overall state from the follow-ups, and the region's composition.</summary>
public static class ReportAssignments
{
    /// <summary>The uppdrag with its state judged from <paramref name="followUps"/> as of <paramref name="today"/>.</summary>
    public static ReportAssignment Judged(ReportAssignment assignment, IReadOnlyList<ReportAssignmentFollowUp> followUps, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(followUps);
        var state = AssignmentStateRule.Judge([.. followUps.Select(f => new ReceiverStatus(f.CommitteeName, f.Status))], assignment.EndDate, today);
        return assignment with { FollowUps = followUps, State = state };
    }

    /// <summary>
    /// The region's uppdrag (<paramref name="region"/>: fullmäktige's, with every receiver's follow-up as it reads now)
    /// with each receiver's follow-up taken from that nämnd's report (<paramref name="committees"/>: a submitted or
    /// finalised report's stored section, the others as they read now) and the state judged again from them. A receiver
    /// whose report does not have the uppdrag (a report frozen before the section existed) keeps its follow-up as it reads now.
    /// </summary>
    public static IReadOnlyList<ReportAssignment> ComposeRegion(
        IReadOnlyList<ReportAssignment> region, IEnumerable<(int CommitteeId, IReadOnlyList<ReportAssignment> Assignments)> committees, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(committees);
        var reported = new Dictionary<(int AssignmentId, int CommitteeId), ReportAssignmentFollowUp>();
        foreach (var (committeeId, assignments) in committees)
        {
            foreach (var assignment in assignments)
            {
                if (assignment.FollowUps.FirstOrDefault(f => f.CommitteeId == committeeId) is { } own)
                {
                    reported[(assignment.AssignmentId, committeeId)] = own;
                }
            }
        }

        return [.. region.Select(a => Judged(a,
            [.. a.FollowUps.Select(f => reported.GetValueOrDefault((a.AssignmentId, f.CommitteeId)) ?? f)], today))];
    }

    /// <summary>"Regionfullmäktige": the giving body when an uppdrag has no giving committee.</summary>
    public const string Fullmaktige = "Regionfullmäktige";
}
