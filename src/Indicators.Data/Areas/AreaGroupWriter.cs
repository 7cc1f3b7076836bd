using Indicators.Data.Editing;

namespace Indicators.Data.Areas;

/// <summary>A comparison group as the audit log records it: its name, description and member area ids in order.</summary>
public sealed record AreaGroupState(int Id, string Name, string? Description, IReadOnlyList<string> Members);

/// <summary>
/// The area_group table's writes (the group with its members, which its state includes), each with its audit entry
/// (entity <c>area_group</c>): used by <see cref="AreaGroupEditor"/>.
/// </summary>
static class AreaGroupWriter
{
    static readonly AuditedTable<AreaGroupState> Table = new("area_group", ReadStateAsync, "Gruppen");

    public static Task<AreaGroupState?> StateAsync(AuditedEdit edit, int id) => Table.StateAsync(edit, id);

    public static Task<int> InsertAsync(AuditedEdit edit, string name, string? description, IReadOnlyList<string> members) =>
        Table.InsertAsync<int>(edit, "insert into area_group (name, description) values (@Name, @Description) returning id",
            new { Name = name, Description = description }, id => SetMembersAsync(edit, id, members), UniqueName(name));

    /// <summary>Renames the group and sets its members, only when the row is still as the form read it (<paramref name="rowVersion"/>).</summary>
    public static Task<AreaGroupState> UpdateAsync(
        AuditedEdit edit, int id, string rowVersion, string name, string? description, IReadOnlyList<string> members) =>
        Table.UpdateAsync(edit, id,
            "update area_group set name = @Name, description = @Description where id = @Id" + AuditedEdit.VersionGuard(rowVersion),
            new { Id = id, RowVersion = rowVersion, Name = name, Description = description }, () => SetMembersAsync(edit, id, members), UniqueName(name));

    public static Task DeleteAsync(AuditedEdit edit, int id) =>
        Table.DeleteAsync(edit, id, "delete from area_group where id = @Id", new { Id = id });

    static async Task SetMembersAsync(AuditedEdit edit, int id, IReadOnlyList<string> members)
    {
        await edit.ExecuteAsync("delete from area_group_member where group_id = @Id and area_id <> all (@Members)", new { Id = id, Members = members.ToArray() });
        await edit.ExecuteAsync("""
            insert into area_group_member (group_id, area_id) select @Id, unnest(@Members)
            on conflict do nothing
            """, new { Id = id, Members = members.ToArray() });
    }

    static async Task<AreaGroupState?> ReadStateAsync(AuditedEdit edit, object id)
    {
        var row = await edit.SingleOrDefaultAsync<GroupRow>("select id, name, description from area_group where id = @Id", new { Id = id });
        if (row is null)
        {
            return null;
        }

        var members = await edit.ListAsync<string>("select area_id from area_group_member where group_id = @Id order by area_id", new { Id = id });
        return new AreaGroupState(row.Id, row.Name, row.Description, members);
    }

    static Unique UniqueName(string name) => new("area_group_name_key",
        () => new("Name", $"Det finns redan en grupp som heter ”{name}”. Välj ett annat namn."));

    sealed record GroupRow(int Id, string Name, string? Description);
}
