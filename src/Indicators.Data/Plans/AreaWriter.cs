using Indicators.Data.Editing;

namespace Indicators.Data.Plans;

/// <summary>
/// The area table's one audited write: plan import adds the areas a document uses that are missing (areas are shared by
/// every plan, so an import never changes or removes one).
/// </summary>
static class AreaWriter
{
    static readonly AuditedTable<AreaState> Table = new("area", "select id, name, short_name, kind from area where id = @Id", "Området");

    /// <summary>Adds the area last in the areas' order.</summary>
    public static Task<string> InsertAsync(AuditedEdit edit, AreaState area) =>
        Table.InsertAsync<string>(edit, """
            insert into area (id, name, short_name, kind, sort_order)
            values (@Id, @Name, @ShortName, @Kind, (select coalesce(max(sort_order), 0) + 1 from area))
            returning id
            """, area);
}
