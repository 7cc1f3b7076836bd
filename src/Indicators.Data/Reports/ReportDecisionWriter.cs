using Indicators.Core.Editing;
using Indicators.Core.Reports;
using Indicators.Data.Editing;

namespace Indicators.Data.Reports;

/// <summary>
/// The region_report_decision table's write: the region's report finalised with its decision (audited as entity
/// <c>region_report</c>, action "finalise"). A nämnd's decision is written with its report's finalising move
/// (<see cref="CommitteeReportWriter.FinaliseAsync"/>).
/// </summary>
static class ReportDecisionWriter
{
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
