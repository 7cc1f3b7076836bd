using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.Plans;

/// <summary>The plan table's writes, each with its audit entry: used by the plan editor and by plan import.</summary>
static class PlanWriter
{
    static readonly AuditedTable<PlanState> Table = new(
        "plan", "select id, area_id, name, vision, start_year::int, end_year::int from plan where id = @Id", "Planen");

    public static Task<PlanState?> StateAsync(AuditedEdit edit, int id) => Table.StateAsync(edit, id);

    public static Task<int> InsertAsync(AuditedEdit edit, string areaId, PlanValues plan) =>
        Table.InsertAsync<int>(edit, """
            insert into plan (area_id, name, vision, start_year, end_year)
            values (@AreaId, @Name, @Vision, @StartYear, @EndYear)
            returning id
            """, AuditedEdit.Parameters(AsStored(plan), new { AreaId = areaId }), UniqueName(plan.Name));

    /// <summary>Changes the plan; with a <paramref name="rowVersion"/>, only when the row is still as the form read it.</summary>
    public static Task<PlanState> UpdateAsync(AuditedEdit edit, int id, string? rowVersion, PlanValues plan) =>
        Table.UpdateAsync(edit, id, """
            update plan set name = @Name, vision = @Vision, start_year = @StartYear, end_year = @EndYear
            where id = @Id
            """ + AuditedEdit.VersionGuard(rowVersion), AuditedEdit.Parameters(AsStored(plan), new { Id = id, RowVersion = rowVersion }), UniqueName(plan.Name));

    /// <summary>The row version after this transaction's change, for a form that stays open.</summary>
    public static async Task<string> RowVersionAsync(AuditedEdit edit, int id) =>
        await edit.ScalarAsync<string>("select xmin::text from plan where id = @Id", new { Id = id }) ?? throw Table.Conflict();

    /// <summary>The years as the smallint columns hold them.</summary>
    static object AsStored(PlanValues plan) => new { plan.Name, plan.Vision, StartYear = (short)plan.StartYear, EndYear = (short)plan.EndYear };

    static Unique UniqueName(string name) => new("plan_name_unique",
        () => new InvalidEditException("Name", $"Organisationen har redan en plan som heter ”{name.Trim()}”. Välj ett annat namn."));
}

/// <summary>A plan's stored fields, trimmed and cleaned as they are stored.</summary>
sealed record PlanValues(string Name, string? Vision, int StartYear, int EndYear);
