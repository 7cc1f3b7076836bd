using Indicators.Core.Reports;
using Indicators.Data.Editing;

namespace Indicators.Data.Reports;

/// <summary>
/// The indicator_comment table's writes: a nämnd's comment on one indicator in a period, audited as an update of
/// "period/committee/indicator" (before null while none was stored).
/// </summary>
static class IndicatorCommentWriter
{
    const string Entity = "indicator_comment";

    /// <summary>Locks the stored comment for the rest of the edit and reads it (<see cref="IndicatorComment.Empty"/> when none).</summary>
    public static async Task<IndicatorComment> LockAsync(AuditedEdit edit, int periodId, int committeeId, int indicatorId)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await edit.ExecuteAsync(
            "select 1 from indicator_comment where report_period_id = @PeriodId and committee_id = @CommitteeId and indicator_id = @IndicatorId for update",
            new { PeriodId = periodId, CommitteeId = committeeId, IndicatorId = indicatorId });
        return (await ReadAsync(edit, periodId, committeeId, indicatorId)) ?? IndicatorComment.Empty;
    }

    /// <summary>Stores <paramref name="text"/> over <paramref name="before"/> (as <see cref="LockAsync"/> read it); returns what is stored now.</summary>
    public static async Task<IndicatorComment> SaveAsync(AuditedEdit edit, int periodId, int committeeId, int indicatorId, IndicatorComment before, string text)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(before);
        await edit.ExecuteAsync("""
            insert into indicator_comment (report_period_id, committee_id, indicator_id, comment, updated_by, updated_at)
            values (@PeriodId, @CommitteeId, @IndicatorId, @Comment, @UpdatedBy, now())
            on conflict (report_period_id, committee_id, indicator_id) do update
            set comment = excluded.comment, version = indicator_comment.version + 1, updated_by = excluded.updated_by, updated_at = now()
            """, new { PeriodId = periodId, CommitteeId = committeeId, IndicatorId = indicatorId, Comment = text, UpdatedBy = edit.Actor.UserName });
        var saved = (await ReadAsync(edit, periodId, committeeId, indicatorId))!;
        await edit.RecordAsync("update", Entity,
            $"{AuditedEdit.AuditId(periodId)}/{AuditedEdit.AuditId(committeeId)}/{AuditedEdit.AuditId(indicatorId)}",
            before.Version == 0 ? null : new { before.Text }, new { saved.Text });
        return saved;
    }

    static async Task<IndicatorComment?> ReadAsync(AuditedEdit edit, int periodId, int committeeId, int indicatorId) =>
        (await ReportQueries.ReadCommentsAsync(edit.Connection, periodId, committeeId, edit.CancellationToken, edit.Transaction, indicatorId)).GetValueOrDefault(indicatorId);
}
