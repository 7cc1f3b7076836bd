using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.ActionPlans;

/// <summary>The action_measure table's writes (an åtgärd), each with its audit entry: used by the editor and by plan import.</summary>
static class ActionMeasureWriter
{
    static readonly AuditedTable<ActionMeasureState> Table = new("action_measure", """
        select m.id, m.action_plan_id, a.name as action_plan, m.name, m.description, m.sort_order
        from action_measure m join action_plan a on a.id = m.action_plan_id
        where m.id = @Id
        """, "Åtgärden")
    {
        // A save that changes only the yearly effects rewrites the row to take a new row version; that is no change of its own.
        SkipsUnchanged = true,
    };

    public static Task<ActionMeasureState?> StateAsync(AuditedEdit edit, int id) => Table.StateAsync(edit, id);

    public static Task<int> InsertAsync(AuditedEdit edit, int planId, ActionMeasureValues measure) =>
        Table.InsertAsync<int>(edit, """
            insert into action_measure (action_plan_id, name, description, sort_order)
            values (@PlanId, @Name, @Description, @SortOrder)
            returning id
            """, AuditedEdit.Parameters(measure, new { PlanId = planId }), UniqueName(measure.Name));

    public static Task<ActionMeasureState> UpdateAsync(AuditedEdit edit, int id, string? rowVersion, ActionMeasureValues measure) =>
        Table.UpdateAsync(edit, id, """
            update action_measure set name = @Name, description = @Description, sort_order = @SortOrder
            where id = @Id
            """ + AuditedEdit.VersionGuard(rowVersion), AuditedEdit.Parameters(measure, new { Id = id, RowVersion = rowVersion }), UniqueName(measure.Name));

    /// <summary>Deletes an åtgärd with its effects and follow-ups (the schema cascades); the entry records its planned effects.</summary>
    public static async Task DeleteAsync(AuditedEdit edit, int id)
    {
        var effects = await edit.ListAsync<ActionMeasureEffectValues>(
            "select year::int as year, planned from action_measure_effect where measure_id = @Id order by year", new { Id = id });
        await Table.DeleteAsync(edit, id, "delete from action_measure where id = @Id", new { Id = id },
            measure => new { ActionMeasure = measure, Effects = effects });
    }

    static Unique UniqueName(string name) => new("action_measure_action_plan_id_name_key",
        () => new InvalidEditException(nameof(ActionMeasureValues.Name), $"Åtgärdsplanen har redan en åtgärd som heter ”{name}”. Välj ett annat namn."));
}

/// <summary>An åtgärd's stored fields.</summary>
sealed record ActionMeasureValues(string Name, string? Description, int SortOrder);

/// <summary>An åtgärd as the audit log records it, named by its plan.</summary>
sealed record ActionMeasureState(int Id, int ActionPlanId, string ActionPlan, string Name, string? Description, int SortOrder);
