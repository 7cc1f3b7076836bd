using Indicators.Core.Attainment;
using Indicators.Core.Editing;
using Indicators.Core.Reports;
using Indicators.Data.Editing;

namespace Indicators.Data.Reports;

/// <summary>
/// The committee_report table's writes: a period's reports for its nämnder, and a report's moves open → under review →
/// finalised, each move audited with the state before and after (entity <c>committee_report</c>, id "period/committee").
/// </summary>
static class CommitteeReportWriter
{
    const string Entity = "committee_report";

    /// <summary>Gives each nämnd owning goals in the period's plan version its report (not audited: it follows from the plan).</summary>
    public static Task EnsureForPeriodAsync(AuditedEdit edit, int periodId) =>
        edit.ExecuteAsync(ReportQueries.EnsureCommitteeReportsSql, new { PeriodId = periodId });

    /// <summary>Locks a nämnd's report for the rest of the edit and reads its state.</summary>
    public static async Task<CommitteeReportState> LockAsync(AuditedEdit edit, int periodId, int committeeId)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await edit.ExecuteAsync(
            "select 1 from committee_report where report_period_id = @PeriodId and committee_id = @CommitteeId for update",
            new { PeriodId = periodId, CommitteeId = committeeId });
        return (await ReportQueries.ReadStatesAsync(edit.Connection, [periodId], committeeId, edit.CancellationToken, edit.Transaction))[periodId].SingleOrDefault()
            ?? throw new InvalidEditException("", "Nämndens rapport finns inte i den här perioden.");
    }

    /// <summary>
    /// Open → under review: submitted now by the actor, with <paramref name="submittedSnapshot"/> (the report as judged now,
    /// JSON) as the figures it is reviewed and finalised with (<see cref="SubmittedSnapshot"/>).
    /// </summary>
    public static Task SubmitAsync(AuditedEdit edit, int periodId, int committeeId, string submittedSnapshot) =>
        MoveAsync(edit, periodId, committeeId, ReportState.Open, ReportState.UnderReview, "submit", """
            update committee_report
            set state = 'under_review', submitted_at = now(), submitted_by = @By, submitted_snapshot = @Snapshot::jsonb, version = version + 1
            where report_period_id = @PeriodId and committee_id = @CommitteeId
            """, new { Snapshot = submittedSnapshot });

    /// <summary>Under review → open, so the texts can be changed again.</summary>
    public static Task ReopenAsync(AuditedEdit edit, int periodId, int committeeId) =>
        MoveAsync(edit, periodId, committeeId, ReportState.UnderReview, ReportState.Open, "reopen", BackToOpenSql);

    /// <summary>Under review → open by a reviewer, who returns it with comments (<see cref="ReviewCommentWriter"/>).</summary>
    public static Task ReturnAsync(AuditedEdit edit, int periodId, int committeeId) =>
        MoveAsync(edit, periodId, committeeId, ReportState.UnderReview, ReportState.Open, "return", BackToOpenSql);

    // The submitted snapshot goes with the submission (a trigger clears it).
    const string BackToOpenSql = """
        update committee_report set state = 'open', submitted_at = null, submitted_by = null, version = version + 1
        where report_period_id = @PeriodId and committee_id = @CommitteeId
        """;

    /// <summary>
    /// Under review → finalised, with <paramref name="frozen"/> as the snapshot that never changes again and the decision
    /// its header records (body, meeting, §, protocol).
    /// </summary>
    public static async Task FinaliseAsync(AuditedEdit edit, int periodId, int committeeId, DateTimeOffset at, string snapshot, ReportDocument frozen)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(frozen);
        var decision = frozen.Header.Decision;
        await edit.ExecuteAsync("""
            update committee_report
            set state = 'finalised', finalised_at = @At, finalised_by = @By, snapshot = @Snapshot::jsonb, version = version + 1,
                decision_body = @Body, decision_meeting = @MeetingDate, decision_paragraph = @Paragraph, decision_protocol = @ProtocolReference
            where report_period_id = @PeriodId and committee_id = @CommitteeId
            """, new
        {
            At = at.UtcDateTime, By = edit.Actor.UserName, Snapshot = snapshot, PeriodId = periodId, CommitteeId = committeeId,
            decision?.Body, MeetingDate = decision?.MeetingDate.ToDateTime(TimeOnly.MinValue), decision?.Paragraph, decision?.ProtocolReference,
        });
        await edit.RecordAsync("finalise", Entity, Id(periodId, committeeId),
            new { State = ReportState.UnderReview.Code() },
            new
            {
                State = ReportState.Finalised.Code(),
                FinalisedAt = at,
                frozen.Header.Decision,
                Goals = frozen.Goals.Select(g => new { g.Code, Suggested = g.Suggested.Code(), Assessed = g.Texts.Assessed?.Code() }).ToList(),
            });
    }

    static async Task MoveAsync(
        AuditedEdit edit, int periodId, int committeeId, ReportState from, ReportState to, string action, string sql, object? values = null)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var key = new { PeriodId = periodId, CommitteeId = committeeId, By = edit.Actor.UserName };
        await edit.ExecuteAsync(sql, values is null ? key : AuditedEdit.Parameters(values, key));
        await edit.RecordAsync(action, Entity, Id(periodId, committeeId), new { State = from.Code() }, new { State = to.Code() });
    }

    static string Id(int periodId, int committeeId) => $"{AuditedEdit.AuditId(periodId)}/{AuditedEdit.AuditId(committeeId)}";
}
