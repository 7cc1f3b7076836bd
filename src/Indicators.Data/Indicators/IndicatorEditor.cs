using Indicators.Core.Editing;
using Indicators.Core.Formatting;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Indicators;

/// <summary>
/// Creates, changes and deletes indicators with their goal links and målvärden. Each save validates everything first
/// (<see cref="IndicatorEditCheck"/>: one <see cref="InvalidEditException"/> with every Swedish message, nothing written),
/// then writes the indicator, its links and its targets and the audit entries in one transaction: one entry for the
/// indicator when its state changed, and one per created, changed or deleted target.
/// </summary>
public sealed class IndicatorEditor(NpgsqlDataSource dataSource)
{
    /// <summary>Creates an indicator of <paramref name="organisationId"/> (the area whose plans it follows up); returns its id.</summary>
    public Task<int> CreateAsync(string organisationId, IndicatorEdit edit, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return AuditedEdit.RunAsync(dataSource, actor, async audited =>
        {
            var checkedEdit = await IndicatorEditCheck.CheckAsync(audited, organisationId, null, edit);
            var values = Values(edit.Indicator, checkedEdit.CommitteeId);
            var id = await IndicatorWriter.InsertAsync(
                audited, organisationId, values, edit.Indicator.ComparisonAreaIds, [.. edit.GoalIds.Distinct()], edit.AdjustmentReason);
            await IndicatorTargets.SaveAsync(audited, id, values.Code, checkedEdit.Versions, edit.AdjustmentReason);
            return id;
        }, cancellationToken);
    }

    /// <summary>
    /// Saves an indicator opened at row version <paramref name="version"/>; refused with <see cref="EditConflictException"/>
    /// when someone saved it since.
    /// </summary>
    public Task UpdateAsync(int id, string version, IndicatorEdit edit, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return AuditedEdit.RunAsync(dataSource, actor, async audited =>
        {
            var organisationId = await audited.ScalarAsync<string?>("select area_id from indicator where id = @Id", new { Id = id }) ?? throw Gone();
            var checkedEdit = await IndicatorEditCheck.CheckAsync(audited, organisationId, id, edit);
            var values = Values(edit.Indicator, checkedEdit.CommitteeId);

            // Writing the row even when only links or targets changed gives it a new version, so a concurrent save of the
            // same form is refused rather than silently mixed with this one.
            await IndicatorWriter.UpdateAsync(
                audited, id, version, values, edit.Indicator.ComparisonAreaIds, [.. edit.GoalIds.Distinct()], _ => edit.AdjustmentReason);
            await IndicatorTargets.SaveAsync(audited, id, values.Code, checkedEdit.Versions, edit.AdjustmentReason);
        }, cancellationToken);
    }

    /// <summary>Deletes an indicator that has no stored outcomes, with its links and targets; the outcomes would go with it.</summary>
    public Task DeleteAsync(int id, string version, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async audited =>
        {
            var before = await IndicatorWriter.StateAsync(audited, id) ?? throw Gone();
            var outcomes = await audited.ScalarAsync<long>("select count(*) from observation where indicator_id = @Id", new { Id = id });
            if (outcomes > 0)
            {
                throw new InvalidEditException("", $"Indikatorn {before.Code} har {SwedishFormat.Number(outcomes, 0)} lagrade utfall och kan inte tas bort, " +
                    "eftersom utfallen då också skulle tas bort. Ta bort den från sina mål i stället, så följs den inte längre upp i planen men utfallen finns kvar.");
            }

            // Each target gets its own entry before the indicator's; a stale version undoes them all with the conflict.
            foreach (var target in await IndicatorTargets.StoredAsync(audited, id, null))
            {
                await TargetWriter.DeleteWithIndicatorAsync(audited, target.Id);
            }

            await IndicatorWriter.DeleteAsync(audited, id, version);
        }, cancellationToken);

    static EditConflictException Gone() => new("Indikatorn finns inte längre; någon annan har tagit bort den.");

    static IndicatorValues Values(IndicatorDraft draft, int? committeeId) => new(
        draft.Code.Trim(), draft.Name.Trim(), Validation.Clean(draft.Description), draft.Unit.Trim(), (short)draft.Decimals, draft.Direction!.Value.ToCode(),
        draft.Frequency!, draft.Aggregation, draft.GenderSplit, committeeId, draft.PrimaryAreaId.Trim(), draft.Tolerance, draft.ToleranceKind,
        draft.TrendMinDifference, Validation.Clean(draft.SourceDescription), Validation.Clean(draft.KpiId), Validation.Clean(draft.CountedNoun));
}
