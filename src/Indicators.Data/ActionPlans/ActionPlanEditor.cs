using Indicators.Core.ActionPlans;
using Indicators.Core.Editing;
using Indicators.Core.Formatting;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Indicators.Data.Users;
using Npgsql;

namespace Indicators.Data.ActionPlans;

/// <summary>
/// Åtgärdsplaner: a plan's own fields, its years (Ram, Utgångspunkt/resultat, required effect) and its åtgärder with
/// their planned effect per year. Only an active Analytiker or Administratör edits them, checked on the account inside
/// every write, not only by the page; each change is validated (Swedish, naming the field) and audited.
/// </summary>
public sealed class ActionPlanEditor(NpgsqlDataSource dataSource)
{
    public Task<int> CreatePlanAsync(int versionId, int committeeId, ActionPlanDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        var values = Checked(draft);
        return AuditedEdit.RunAsync(dataSource, actor, edit => CreatePlanAsync(edit, versionId, committeeId, values), cancellationToken);
    }

    public Task UpdatePlanAsync(int planId, string rowVersion, ActionPlanDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        var values = Checked(draft);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            await RequirePlanAsync(edit, planId);
            await ActionPlanWriter.UpdateAsync(edit, planId, rowVersion, values);
        }, cancellationToken);
    }

    /// <summary>Deletes an action plan with its years, åtgärder and their follow-ups (the schema cascades).</summary>
    public Task DeletePlanAsync(int planId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            await RequirePlanAsync(edit, planId);
            await ActionPlanWriter.DeleteAsync(edit, planId);
        }, cancellationToken);

    /// <summary>Sets one year's amounts: adds the year when the plan has none for it, else changes it.</summary>
    public Task SaveYearAsync(int planId, ActionPlanYearDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            var plan = await RequirePlanAsync(edit, planId);
            Throw(draft.Validate(plan.Years));
            var values = new ActionPlanYearValues(draft.Year, draft.Frame, draft.StartingResult, draft.RequiredEffect);
            if (await ActionPlanYearWriter.StateAsync(edit, planId, draft.Year) is null)
            {
                await ActionPlanYearWriter.InsertAsync(edit, planId, values);
            }
            else
            {
                await ActionPlanYearWriter.UpdateAsync(edit, planId, values);
            }
        }, cancellationToken);
    }

    public Task DeleteYearAsync(int planId, int year, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            await RequirePlanAsync(edit, planId);
            if (await ActionPlanYearWriter.StateAsync(edit, planId, year) is null)
            {
                throw new InvalidEditException("", $"Åtgärdsplanen har inget år {SwedishFormat.Year(year)} längre. Ladda om sidan.");
            }

            await ActionPlanYearWriter.DeleteAsync(edit, planId, year);
        }, cancellationToken);

    public Task<int> CreateMeasureAsync(int planId, ActionMeasureDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            var values = await CheckedAsync(edit, planId, null, draft);
            var id = await ActionMeasureWriter.InsertAsync(edit, planId, values);
            await ActionMeasureEffectWriter.ReplaceAsync(edit, id, Effects(draft));
            return id;
        }, cancellationToken);
    }

    /// <summary>Changes an åtgärd and its planned effects; with a <paramref name="rowVersion"/>, only when it is still as the form read it.</summary>
    public Task UpdateMeasureAsync(int measureId, string? rowVersion, ActionMeasureDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            var measure = await ActionMeasureWriter.StateAsync(edit, measureId)
                ?? throw new InvalidEditException("", "Åtgärden finns inte längre. Ladda om sidan.");
            var values = await CheckedAsync(edit, measure.ActionPlanId, measureId, draft);
            await ActionMeasureWriter.UpdateAsync(edit, measureId, rowVersion, values);
            await ActionMeasureEffectWriter.ReplaceAsync(edit, measureId, Effects(draft));
        }, cancellationToken);
    }

    /// <summary>Deletes an åtgärd with its planned effects and follow-ups (the schema cascades).</summary>
    public Task DeleteMeasureAsync(int measureId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            if (await ActionMeasureWriter.StateAsync(edit, measureId) is null)
            {
                throw new InvalidEditException("", "Åtgärden finns inte längre. Ladda om sidan.");
            }

            await ActionMeasureWriter.DeleteAsync(edit, measureId);
        }, cancellationToken);

    /// <summary>A new plan inside an edit the caller holds (the editor's own, or plan import's).</summary>
    internal static async Task<int> CreatePlanAsync(AuditedEdit edit, int versionId, int committeeId, ActionPlanValues values)
    {
        await RequireMayEditAsync(edit);
        var sameArea = await edit.ScalarAsync<bool?>("""
            select p.area_id = c.area_id
            from plan_version v join plan p on p.id = v.plan_id, committee c
            where v.id = @VersionId and c.id = @CommitteeId
            """, new { VersionId = versionId, CommitteeId = committeeId })
            ?? throw new InvalidEditException("", "Planversionen eller nämnden finns inte längre. Ladda om sidan.");
        if (!sameArea)
        {
            throw new InvalidEditException("CommitteeId", "Nämnden hör till en annan organisation än planen. Välj en av planens nämnder.");
        }

        return await ActionPlanWriter.InsertAsync(edit, versionId, committeeId, values);
    }

    internal static ActionPlanValues Checked(ActionPlanDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Throw(draft.Validate());
        return new(draft.Name.Trim(), Validation.Clean(draft.Description), draft.Unit.Trim(), draft.IsExample, draft.SortOrder);
    }

    /// <summary>The åtgärd's draft against its plan's years, and its name against the plan's other åtgärder.</summary>
    internal static async Task<ActionMeasureValues> CheckedAsync(AuditedEdit edit, int planId, int? measureId, ActionMeasureDraft draft)
    {
        var plan = await RequirePlanAsync(edit, planId);
        Throw(draft.Validate(plan.Years));
        var name = draft.Name.Trim();
        var others = await edit.ListAsync<string>(
            "select name from action_measure where action_plan_id = @PlanId and id is distinct from @Id", new { PlanId = planId, Id = measureId });
        var comparer = StringComparer.Create(SwedishFormat.Culture, ignoreCase: true);
        if (others.Any(other => comparer.Equals(other.Trim(), name)))
        {
            throw new InvalidEditException(nameof(ActionMeasureDraft.Name), $"Åtgärdsplanen har redan en åtgärd som heter ”{name}”. Välj ett annat namn.");
        }

        return new(name, Validation.Clean(draft.Description), draft.SortOrder);
    }

    internal static IReadOnlyList<ActionMeasureEffectValues> Effects(ActionMeasureDraft draft) =>
        [.. draft.Effects.Select(e => new ActionMeasureEffectValues(e.Year, e.Planned))];

    static async Task RequireMayEditAsync(AuditedEdit edit)
    {
        if (!await AccountRights.MayEditAsync(edit.Connection, edit.Transaction, edit.Actor, null, edit.CancellationToken))
        {
            throw new InvalidEditException("", "Du har inte behörighet att ändra åtgärdsplaner. Det får analytiker och administratörer.");
        }
    }

    /// <summary>Locks the plan's row for the edit (so two saves of åtgärder check names one after the other) and reads its years.</summary>
    static async Task<PlanYears> RequirePlanAsync(AuditedEdit edit, int planId)
    {
        var row = await edit.SingleOrDefaultAsync<PlanYearsRow>("""
            select p.start_year::int as start_year, p.end_year::int as end_year
            from action_plan a join plan_version v on v.id = a.plan_version_id join plan p on p.id = v.plan_id
            where a.id = @Id
            for update of a
            """, new { Id = planId });
        return row is null
            ? throw new InvalidEditException("", "Åtgärdsplanen finns inte längre. Ladda om sidan.")
            : new PlanYears(new ActionPlanYears(row.StartYear, row.EndYear));
    }

    static void Throw(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidEditException(errors);
        }
    }

    sealed record PlanYearsRow(int StartYear, int EndYear);

    sealed record PlanYears(ActionPlanYears Years);
}
