using Indicators.Core.Reports;
using Indicators.Data.Editing;

namespace Indicators.Data.ActionPlans;

/// <summary>
/// The action_measure_follow_up table's writes: a nämnd's realised effect, forecast and comment for one åtgärd in a
/// report period, audited as an update of "period/measure" (before null while none was stored).
/// </summary>
static class ActionMeasureFollowUpWriter
{
    const string Entity = "action_measure_follow_up";

    /// <summary>Locks the stored follow-up for the rest of the edit and reads the åtgärd as the report shows it.</summary>
    public static async Task<ReportActionMeasure?> LockAsync(AuditedEdit edit, int periodId, int planVersionId, int year, int measureId)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await edit.ExecuteAsync(
            "select 1 from action_measure_follow_up where measure_id = @MeasureId and report_period_id = @PeriodId for update",
            new { PeriodId = periodId, MeasureId = measureId });
        return await ReadAsync(edit, periodId, planVersionId, year, measureId);
    }

    /// <summary>Stores the follow-up over <paramref name="before"/> (as <see cref="LockAsync"/> read it); returns what is stored now.</summary>
    public static async Task<ReportActionMeasure> SaveAsync(
        AuditedEdit edit, int periodId, int planVersionId, int year, int committeeId, ReportActionMeasure before, decimal? realised, decimal? forecast, string comment)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(before);
        await edit.ExecuteAsync("""
            insert into action_measure_follow_up (measure_id, report_period_id, committee_id, realised, forecast, comment, updated_by, updated_at)
            values (@MeasureId, @PeriodId, @CommitteeId, @Realised, @Forecast, @Comment, @UpdatedBy, now())
            on conflict (measure_id, report_period_id) do update
            set realised = excluded.realised, forecast = excluded.forecast, comment = excluded.comment, is_example = false,
                version = action_measure_follow_up.version + 1, updated_by = excluded.updated_by, updated_at = now()
            """, new
        {
            MeasureId = before.MeasureId, PeriodId = periodId, CommitteeId = committeeId, Realised = realised, Forecast = forecast,
            Comment = comment, UpdatedBy = edit.Actor.UserName,
        });
        var saved = (await ReadAsync(edit, periodId, planVersionId, year, before.MeasureId))!;
        await edit.RecordAsync("update", Entity, $"{AuditedEdit.AuditId(periodId)}/{AuditedEdit.AuditId(before.MeasureId)}",
            before.Version == 0 ? null : State(before), State(saved));
        return saved;
    }

    static object State(ReportActionMeasure measure) => new { Measure = measure.Name, measure.Realised, measure.Forecast, measure.Comment };

    static async Task<ReportActionMeasure?> ReadAsync(AuditedEdit edit, int periodId, int planVersionId, int year, int measureId) =>
        (await ActionPlanReportQueries.ReadAsync(edit.Connection, periodId, planVersionId, year, null, edit.CancellationToken, edit.Transaction, measureId))
            .SelectMany(p => p.Measures).SingleOrDefault(m => m.MeasureId == measureId);
}
