using Indicators.Core.Editing;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Reports;

/// <summary>
/// A nämnd's comment on one indicator of its goals in an open report, with the same conflict rule as the goal's texts
/// (<see cref="GoalAssessmentEditor"/>) and its rights and state checked in the save's transaction.
/// </summary>
public sealed class IndicatorCommentEditor(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Saves a comment. <paramref name="original"/> is what the form loaded: when someone else has changed the comment
    /// since (to something else than this edit), nothing is saved and the result names their text.
    /// </summary>
    public Task<SaveResult<IndicatorComment>> SaveAsync(
        int periodId, int committeeId, int indicatorId, string original, string edited, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(edited);
        edited = edited.Trim();
        if (edited.Length > GoalAssessmentEditor.MaxTextLength)
        {
            throw new InvalidEditException("Comment", $"Kommentaren får vara högst {GoalAssessmentEditor.Count(GoalAssessmentEditor.MaxTextLength)} tecken.");
        }

        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await ReportEditGuard.RequireMayEditAsync(edit, committeeId);
            await ReportEditGuard.RequireOpenAsync(edit, periodId, committeeId);
            const string indicatorSql = """
                select 1
                from goal_indicator gi
                join goal g on g.id = gi.goal_id
                join goal_area ga on ga.id = g.goal_area_id
                join report_period rp on rp.plan_version_id = ga.plan_version_id
                where gi.indicator_id = @IndicatorId and rp.id = @PeriodId and g.owner_committee_id = @CommitteeId
                limit 1
                """;
            if (await edit.ScalarAsync<int?>(indicatorSql, new { PeriodId = periodId, CommitteeId = committeeId, IndicatorId = indicatorId }) is null)
            {
                throw new InvalidEditException("", "Indikatorn hör inte (längre) till nämndens rapport. Ladda om sidan.");
            }

            var current = await IndicatorCommentWriter.LockAsync(edit, periodId, committeeId, indicatorId);
            if (edited == original.Trim() || current.Text == edited)
            {
                return new SaveResult<IndicatorComment>(current, []);
            }

            if (current.Text != original.Trim())
            {
                return new SaveResult<IndicatorComment>(current, [new TextConflict("Comment", "Kommentar", current.Text, current.UpdatedBy, current.UpdatedAt)]);
            }

            return new SaveResult<IndicatorComment>(await IndicatorCommentWriter.SaveAsync(edit, periodId, committeeId, indicatorId, current, edited), []);
        }, cancellationToken);
    }
}
