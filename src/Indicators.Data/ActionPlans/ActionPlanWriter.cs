using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.ActionPlans;

/// <summary>The action_plan table's writes, each with its audit entry: used by the åtgärdsplan editor and by plan import.</summary>
static class ActionPlanWriter
{
    static readonly AuditedTable<ActionPlanState> Table = new("action_plan", """
        select a.id, a.plan_version_id, c.code as committee_code, a.name, a.description, a.unit, a.is_example, a.sort_order
        from action_plan a join committee c on c.id = a.committee_id
        where a.id = @Id
        """, "Åtgärdsplanen");

    public static Task<ActionPlanState?> StateAsync(AuditedEdit edit, int id) => Table.StateAsync(edit, id);

    public static Task<int> InsertAsync(AuditedEdit edit, int versionId, int committeeId, ActionPlanValues plan) =>
        Table.InsertAsync<int>(edit, """
            insert into action_plan (plan_version_id, committee_id, name, description, unit, is_example, sort_order)
            values (@VersionId, @CommitteeId, @Name, @Description, @Unit, @IsExample, @SortOrder)
            returning id
            """, AuditedEdit.Parameters(plan, new { VersionId = versionId, CommitteeId = committeeId }), UniqueName(plan.Name));

    /// <summary>Changes a plan's own fields; with a <paramref name="rowVersion"/>, only when the row is still as the form read it.</summary>
    public static Task<ActionPlanState> UpdateAsync(AuditedEdit edit, int id, string? rowVersion, ActionPlanValues plan) =>
        Table.UpdateAsync(edit, id, """
            update action_plan set name = @Name, description = @Description, unit = @Unit, is_example = @IsExample, sort_order = @SortOrder
            where id = @Id
            """ + AuditedEdit.VersionGuard(rowVersion), AuditedEdit.Parameters(plan, new { Id = id, RowVersion = rowVersion }), UniqueName(plan.Name));

    /// <summary>Deletes a plan with its years and åtgärder (the schema cascades); the entry names the åtgärder that went with it.</summary>
    public static async Task DeleteAsync(AuditedEdit edit, int id)
    {
        var measures = await edit.ListAsync<string>("select name from action_measure where action_plan_id = @Id order by sort_order, name", new { Id = id });
        await Table.DeleteAsync(edit, id, "delete from action_plan where id = @Id", new { Id = id },
            plan => new { ActionPlan = plan, DeletedMeasures = measures });
    }

    static Unique UniqueName(string name) => new("action_plan_plan_version_id_committee_id_name_key",
        () => new InvalidEditException(nameof(ActionPlanValues.Name), $"Nämnden har redan en åtgärdsplan som heter ”{name}” i den här planversionen. Välj ett annat namn."));
}

/// <summary>An action plan's stored fields, trimmed and cleaned as they are stored.</summary>
sealed record ActionPlanValues(string Name, string? Description, string Unit, bool IsExample, int SortOrder);

/// <summary>An action plan as the audit log records it.</summary>
sealed record ActionPlanState(int Id, int PlanVersionId, string CommitteeCode, string Name, string? Description, string Unit, bool IsExample, int SortOrder);
