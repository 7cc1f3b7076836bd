using Indicators.Core.Editing;
using Indicators.Core.Reports;
using Indicators.Data.Editing;

namespace Indicators.Data.Reports;

/// <summary>
/// Where decisions are stored: a nämnd's on its committee_report row (written in the finalising transaction just before
/// the state change, which audits it with the frozen report), the region's in region_report_decision (audited here as
/// entity <c>region_report</c>, action "finalise").
/// </summary>
static class ReportDecisionWriter
{
    /// <summary>Stores the decision on a report that is still under review and about to be finalised in the same edit.</summary>
    public static async Task RecordAsync(AuditedEdit edit, int periodId, int committeeId, ReportDecision decision)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(decision);
        await edit.ExecuteAsync("""
            update committee_report
            set decision_body = @Body, decision_meeting = @MeetingDate, decision_paragraph = @Paragraph, decision_protocol = @ProtocolReference
            where report_period_id = @PeriodId and committee_id = @CommitteeId and state = 'under_review'
            """, Parameters(decision, new { PeriodId = periodId, CommitteeId = committeeId }));
    }

    /// <summary>The region's report finalised now by the actor with <paramref name="decision"/>; once only.</summary>
    public static async Task RecordRegionAsync(AuditedEdit edit, int periodId, ReportDecision decision)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(decision);
        await edit.ExecuteAsync("""
            insert into region_report_decision
                (report_period_id, finalised_at, finalised_by, decision_body, decision_meeting, decision_paragraph, decision_protocol)
            values (@PeriodId, now(), @By, @Body, @MeetingDate, @Paragraph, @ProtocolReference)
            """, Parameters(decision, new { PeriodId = periodId, By = edit.Actor.UserName }),
            new Unique("region_report_decision_pkey", () => new InvalidEditException("", "Regionens rapport är redan fastställd.")));
        await edit.RecordAsync("finalise", "region_report", periodId, null, new { Decision = decision });
    }

    /// <summary>The decision's fields as parameters (the date as a date, which Dapper maps) with the row's key.</summary>
    static Dapper.DynamicParameters Parameters(ReportDecision decision, object key) =>
        AuditedEdit.Parameters(new { decision.Body, MeetingDate = decision.MeetingDate.ToDateTime(TimeOnly.MinValue), decision.Paragraph, decision.ProtocolReference }, key);
}
