using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.Plans;

/// <summary>The committee table's writes, each with its audit entry: used by the committee editor and by plan import.</summary>
static class CommitteeWriter
{
    static readonly AuditedTable<CommitteeState> Table = new("committee", "select id, area_id, code, name from committee where id = @Id", "Nämnden");

    public static Task<CommitteeState?> StateAsync(AuditedEdit edit, int id) => Table.StateAsync(edit, id);

    public static Task<int> InsertAsync(AuditedEdit edit, string areaId, string code, string name) =>
        Table.InsertAsync<int>(edit, "insert into committee (area_id, code, name) values (@AreaId, @Code, @Name) returning id",
            new { AreaId = areaId, Code = code, Name = name }, UniqueCode(code));

    /// <summary>Renames the committee; with a <paramref name="rowVersion"/>, only when the row is still as the form read it.</summary>
    public static Task<CommitteeState> UpdateAsync(AuditedEdit edit, int id, string? rowVersion, string code, string name) =>
        Table.UpdateAsync(edit, id, "update committee set code = @Code, name = @Name where id = @Id" + AuditedEdit.VersionGuard(rowVersion),
            new { Id = id, RowVersion = rowVersion, Code = code, Name = name }, UniqueCode(code));

    public static Task DeleteAsync(AuditedEdit edit, int id) =>
        Table.DeleteAsync(edit, id, "delete from committee where id = @Id", new { Id = id });

    public static EditConflictException Conflict() => Table.Conflict();

    static Unique UniqueCode(string code) => new("committee_area_id_code_key",
        () => new("Code", $"Organisationen har redan en nämnd med förkortningen ”{code.Trim()}”. Välj en annan."));
}
