using Indicators.Core.Attainment;
using Indicators.Core.Reports;
using Indicators.Data.Editing;

namespace Indicators.Data.Reports;

/// <summary>
/// The goal_assessment table's writes: a nämnd's assessment and texts of one goal in a period, audited as an update of
/// "period/goal" (before null while none was stored).
/// </summary>
static class GoalAssessmentWriter
{
    const string Entity = "goal_assessment";

    /// <summary>Locks the goal's stored texts for the rest of the edit and reads them (<see cref="GoalTexts.Empty"/> when none).</summary>
    public static async Task<GoalTexts> LockAsync(AuditedEdit edit, int periodId, int committeeId, int goalId)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await edit.ExecuteAsync(
            "select 1 from goal_assessment where report_period_id = @PeriodId and goal_id = @GoalId for update",
            new { PeriodId = periodId, GoalId = goalId });
        return (await ReadAsync(edit, periodId, committeeId, goalId)) ?? GoalTexts.Empty;
    }

    /// <summary>Stores <paramref name="texts"/> over <paramref name="before"/> (as <see cref="LockAsync"/> read it); returns what is stored now.</summary>
    public static async Task<GoalTexts> SaveAsync(AuditedEdit edit, int periodId, int committeeId, int goalId, GoalTexts before, GoalTexts texts)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(texts);
        await edit.ExecuteAsync("""
            insert into goal_assessment (report_period_id, committee_id, goal_id, assessed, motivation, analysis, actions, updated_by, updated_at)
            values (@PeriodId, @CommitteeId, @GoalId, @Assessed, @Motivation, @Analysis, @Actions, @UpdatedBy, now())
            on conflict (report_period_id, goal_id) do update
            set assessed = excluded.assessed, motivation = excluded.motivation, analysis = excluded.analysis, actions = excluded.actions,
                version = goal_assessment.version + 1, updated_by = excluded.updated_by, updated_at = now()
            """, new
        {
            PeriodId = periodId,
            CommitteeId = committeeId,
            GoalId = goalId,
            Assessed = texts.Assessed?.Code(),
            texts.Motivation,
            texts.Analysis,
            texts.Actions,
            UpdatedBy = edit.Actor.UserName,
        });
        var saved = (await ReadAsync(edit, periodId, committeeId, goalId))!;
        await edit.RecordAsync("update", Entity, $"{AuditedEdit.AuditId(periodId)}/{AuditedEdit.AuditId(goalId)}",
            before.Version == 0 ? null : Audited(before), Audited(saved));
        return saved;
    }

    static async Task<GoalTexts?> ReadAsync(AuditedEdit edit, int periodId, int committeeId, int goalId) =>
        (await ReportQueries.ReadGoalTextsAsync(edit.Connection, periodId, committeeId, edit.CancellationToken, edit.Transaction, goalId)).GetValueOrDefault(goalId);

    static object Audited(GoalTexts texts) => new { Assessed = texts.Assessed?.Code(), texts.Motivation, texts.Analysis, texts.Actions, texts.Version };
}
