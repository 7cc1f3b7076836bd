using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.Plans;

/// <summary>The goal_area table's writes, each with its audit entry: used by the målområde editor and by plan import.</summary>
static class GoalAreaWriter
{
    static readonly AuditedTable<GoalAreaState> Table = new(
        "goal_area", "select id, plan_version_id, code, name, description, kind, sort_order from goal_area where id = @Id", "Målområdet");

    public static Task<GoalAreaState?> StateAsync(AuditedEdit edit, int id) => Table.StateAsync(edit, id);

    public static Task<int> InsertAsync(AuditedEdit edit, int versionId, GoalAreaValues area) =>
        Table.InsertAsync<int>(edit, """
            insert into goal_area (plan_version_id, code, name, description, kind, sort_order)
            values (@VersionId, @Code, @Name, @Description, @Kind, @SortOrder)
            returning id
            """, AuditedEdit.Parameters(area, new { VersionId = versionId }), UniqueCode(area.Code));

    /// <summary>Changes a målområde; with a <paramref name="rowVersion"/>, only when the row is still as the form read it.</summary>
    public static Task<GoalAreaState> UpdateAsync(AuditedEdit edit, int id, string? rowVersion, GoalAreaValues area) =>
        Table.UpdateAsync(edit, id, """
            update goal_area set code = @Code, name = @Name, description = @Description, kind = @Kind, sort_order = @SortOrder
            where id = @Id
            """ + AuditedEdit.VersionGuard(rowVersion), AuditedEdit.Parameters(area, new { Id = id, RowVersion = rowVersion }), UniqueCode(area.Code));

    /// <summary>Deletes a målområde with its mål (the schema cascades); the entry names the mål that went with it.</summary>
    public static async Task DeleteAsync(AuditedEdit edit, int id)
    {
        var goalCodes = await edit.ListAsync<string>("select code from goal where goal_area_id = @Id order by sort_order, code", new { Id = id });
        await Table.DeleteAsync(edit, id, "delete from goal_area where id = @Id", new { Id = id },
            area => new { GoalArea = area, DeletedGoalCodes = goalCodes });
    }

    /// <summary>Copies a version's målområden into another version (a version copy, audited as a whole); returns how many.</summary>
    public static Task<int> CopyAsync(AuditedEdit edit, int sourceVersionId, int targetVersionId) => edit.ExecuteAsync("""
        insert into goal_area (plan_version_id, code, name, description, kind, sort_order)
        select @Target, code, name, description, kind, sort_order from goal_area where plan_version_id = @Source
        """, new { Source = sourceVersionId, Target = targetVersionId });

    static Unique UniqueCode(string code) => new("goal_area_plan_version_id_code_key",
        () => new InvalidEditException(nameof(GoalAreaValues.Code), $"Versionen har redan ett målområde med koden ”{code.Trim()}”. Välj en annan kod."));
}

/// <summary>A målområde's stored fields, trimmed and cleaned as they are stored.</summary>
sealed record GoalAreaValues(string Code, string Name, string? Description, string Kind, int SortOrder);
