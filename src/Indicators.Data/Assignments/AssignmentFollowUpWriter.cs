using Indicators.Core.Assignments;
using Indicators.Core.Formatting;
using Indicators.Core.Reports;
using Indicators.Data.Editing;

namespace Indicators.Data.Assignments;

/// <summary>
/// The assignment_follow_up table's writes: one receiver's follow-up of an uppdrag in a report period, audited as an
/// update of "period/committee/assignment" (before null while none was stored).
/// </summary>
static class AssignmentFollowUpWriter
{
    const string Entity = "assignment_follow_up";

    /// <summary>Locks the stored follow-up for the rest of the edit; returns the uppdrag as the nämnd's report shows it, or null when it is not in it.</summary>
    public static async Task<ReportAssignment?> LockAsync(AuditedEdit edit, int periodId, int committeeId, int assignmentId)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await edit.ExecuteAsync(
            "select 1 from assignment_follow_up where report_period_id = @PeriodId and committee_id = @CommitteeId and assignment_id = @AssignmentId for update",
            new { PeriodId = periodId, CommitteeId = committeeId, AssignmentId = assignmentId });
        return await ReadAsync(edit, periodId, committeeId, assignmentId);
    }

    /// <summary>Stores the follow-up over <paramref name="before"/> (as <see cref="LockAsync"/> read it); returns the uppdrag as it reads now.</summary>
    public static async Task<ReportAssignment> SaveAsync(
        AuditedEdit edit, int periodId, int committeeId, int assignmentId, ReportAssignmentFollowUp before,
        AssignmentStatus status, string comment, DateOnly? expectedCompletion)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(before);
        await edit.ExecuteAsync("""
            insert into assignment_follow_up (assignment_id, committee_id, report_period_id, status, comment, expected_completion, updated_by, updated_at)
            values (@AssignmentId, @CommitteeId, @PeriodId, @Status, @Comment, @ExpectedCompletion, @UpdatedBy, now())
            on conflict (assignment_id, committee_id, report_period_id) do update
            set status = excluded.status, comment = excluded.comment, expected_completion = excluded.expected_completion,
                is_example = false, version = assignment_follow_up.version + 1, updated_by = excluded.updated_by, updated_at = now()
            """, new
        {
            AssignmentId = assignmentId,
            CommitteeId = committeeId,
            PeriodId = periodId,
            Status = status.Code(),
            Comment = comment,
            ExpectedCompletion = expectedCompletion?.ToDateTime(TimeOnly.MinValue),
            UpdatedBy = edit.Actor.UserName,
        });
        var saved = (await ReadAsync(edit, periodId, committeeId, assignmentId))!;
        await edit.RecordAsync("update", Entity,
            $"{AuditedEdit.AuditId(periodId)}/{AuditedEdit.AuditId(committeeId)}/{AuditedEdit.AuditId(assignmentId)}",
            before.Version == 0 ? null : Audited(before), Audited(saved.FollowUps.Single()));
        return saved;
    }

    static async Task<ReportAssignment?> ReadAsync(AuditedEdit edit, int periodId, int committeeId, int assignmentId) =>
        (await AssignmentReportQueries.ReadAsync(edit.Connection, periodId, committeeId, SwedishFormat.Date(DateTimeOffset.UtcNow),
            edit.CancellationToken, edit.Transaction, assignmentId)).SingleOrDefault();

    static object Audited(ReportAssignmentFollowUp followUp) => new
    {
        Status = followUp.Status?.Code(),
        followUp.Comment,
        ExpectedCompletion = followUp.ExpectedCompletion?.ToString("yyyy-MM-dd", SwedishFormat.Culture),
        followUp.Version,
    };
}
