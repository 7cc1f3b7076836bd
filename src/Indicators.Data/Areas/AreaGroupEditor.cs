using Indicators.Core.Areas;
using Indicators.Core.Editing;
using Indicators.Core.Formatting;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Indicators.Data.Users;
using Npgsql;

namespace Indicators.Data.Areas;

/// <summary>
/// Comparison groups: created, renamed, given members and deleted by an active Analytiker or Administratör (checked on
/// the account inside every write, not only by the page), each change audited with the group's state before and after.
/// </summary>
public sealed class AreaGroupEditor(NpgsqlDataSource dataSource)
{
    public Task<int> CreateAsync(AreaGroupDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        var (name, description, members) = Checked(draft);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            await RequireKnownAsync(edit, members);
            await RequireFreeNameAsync(edit, name, null);
            return await AreaGroupWriter.InsertAsync(edit, name, description, members);
        }, cancellationToken);
    }

    public Task UpdateAsync(int groupId, string rowVersion, AreaGroupDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        var (name, description, members) = Checked(draft);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            await RequireKnownAsync(edit, members);
            await RequireFreeNameAsync(edit, name, groupId);
            await AreaGroupWriter.UpdateAsync(edit, groupId, rowVersion, name, description, members);
        }, cancellationToken);
    }

    public Task DeleteAsync(int groupId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            if (await AreaGroupWriter.StateAsync(edit, groupId) is null)
            {
                throw new InvalidEditException("", "Gruppen finns inte längre. Ladda om sidan.");
            }

            await AreaGroupWriter.DeleteAsync(edit, groupId);
        }, cancellationToken);

    static (string Name, string? Description, IReadOnlyList<string> Members) Checked(AreaGroupDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        return (draft.Name.Trim(), Validation.Clean(draft.Description),
            [.. draft.Members.Select(m => m.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    static async Task RequireMayEditAsync(AuditedEdit edit)
    {
        if (!await AccountRights.MayEditAsync(edit.Connection, edit.Transaction, edit.Actor, null, edit.CancellationToken))
        {
            throw new InvalidEditException("", "Du har inte behörighet att ändra jämförelsegrupper. Det får analytiker och administratörer.");
        }
    }

    /// <summary>
    /// Names differ in more than case: compared in Swedish here, since the database's lower() (the unique index, the
    /// backstop under concurrent saves) may fold only ASCII letters and would let "ÅRE" beside "Åre".
    /// </summary>
    static async Task RequireFreeNameAsync(AuditedEdit edit, string name, int? groupId)
    {
        var others = await edit.ListAsync<string>("select name from area_group where id is distinct from @Id", new { Id = groupId });
        var comparer = StringComparer.Create(SwedishFormat.Culture, ignoreCase: true);
        if (others.Any(other => comparer.Equals(other.Trim(), name)))
        {
            throw new InvalidEditException(nameof(AreaGroupDraft.Name), $"Det finns redan en grupp som heter ”{name}”. Välj ett annat namn.");
        }
    }

    static async Task RequireKnownAsync(AuditedEdit edit, IReadOnlyList<string> members)
    {
        var known = (await edit.ListAsync<string>("select id from area where id = any (@Ids)", new { Ids = members.ToArray() })).ToHashSet(StringComparer.Ordinal);
        var unknown = members.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidEditException(nameof(AreaGroupDraft.Members),
                $"Okänt område: {string.Join(", ", unknown.Select(u => $"”{u}”"))}. Välj områden ur listan.");
        }
    }
}
