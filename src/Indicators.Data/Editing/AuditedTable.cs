using System.Text.Json;
using Indicators.Core.Editing;

namespace Indicators.Data.Editing;

/// <summary>
/// How one table is written with its audit entries: the entity name the log uses, how a row's state for the log is read
/// (one query by <c>@Id</c>, or code where the state holds lists) and what the row is called in a Swedish conflict message
/// ("Nämnden"). A table's writer holds one of these and its own insert, update and delete SQL; editors and plan import
/// use that writer alike.
/// </summary>
public sealed class AuditedTable<TState>
    where TState : class
{
    readonly Func<AuditedEdit, object, Task<TState?>> readState;
    readonly string what;

    public AuditedTable(string entity, string stateSql, string what)
        : this(entity, (edit, id) => edit.SingleOrDefaultAsync<TState>(stateSql, new { Id = id }), what)
    {
    }

    /// <summary>A table whose state <paramref name="readState"/> reads in code (several queries, lists one query cannot map).</summary>
    public AuditedTable(string entity, Func<AuditedEdit, object, Task<TState?>> readState, string what)
    {
        Entity = entity;
        this.readState = readState;
        this.what = what;
    }

    public string Entity { get; }

    /// <summary>
    /// An update that leaves the state as it was gets no entry: for rows a save rewrites only to take a new row version
    /// (an indicator whose targets alone changed, a goal rule saved as it was).
    /// </summary>
    public bool SkipsUnchanged { get; init; }

    public Task<TState?> StateAsync(AuditedEdit edit, object id)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return readState(edit, id);
    }

    /// <summary>Runs <paramref name="insertSql"/> (which returns the new row's id) and records the row as created.</summary>
    public Task<TId> InsertAsync<TId>(AuditedEdit edit, string insertSql, object parameters, params Unique[] uniques)
        where TId : notnull =>
        InsertAsync<TId>(edit, insertSql, parameters, _ => Task.CompletedTask, uniques);

    /// <summary>
    /// Runs <paramref name="insertSql"/>, then <paramref name="linkRows"/> (the rows that belong to the new one, such as a
    /// goal's contributors, which its state includes), and records the row as created.
    /// </summary>
    public async Task<TId> InsertAsync<TId>(AuditedEdit edit, string insertSql, object parameters, Func<TId, Task> linkRows, params Unique[] uniques)
        where TId : notnull
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(linkRows);
        var id = await edit.ScalarAsync<TId>(insertSql, parameters, uniques) ?? throw new InvalidOperationException($"{insertSql} returned no id.");
        await Organisations.OrganisationGuard.CheckAsync(edit, Entity, id);
        await linkRows(id);
        await edit.RecordAsync("create", Entity, id, null, await StateAsync(edit, id));
        return id;
    }

    /// <summary>
    /// Runs <paramref name="updateSql"/> on the row <paramref name="id"/> and records its state before and after. An
    /// update guarded by the row version the form was opened with (<c>and xmin::text = @RowVersion</c>) that changes no
    /// row means someone else changed or removed it: <see cref="Conflict"/>. Returns the state after.
    /// </summary>
    public Task<TState> UpdateAsync(AuditedEdit edit, object id, string updateSql, object parameters, params Unique[] uniques) =>
        UpdateAsync(edit, id, updateSql, parameters, () => Task.CompletedTask, uniques);

    /// <summary>As the other overload, with <paramref name="linkRows"/> written after the row and before its state after is read.</summary>
    public async Task<TState> UpdateAsync(AuditedEdit edit, object id, string updateSql, object parameters, Func<Task> linkRows, params Unique[] uniques)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(linkRows);
        var before = await StateAsync(edit, id) ?? throw Conflict();
        await Organisations.OrganisationGuard.CheckAsync(edit, Entity, id);
        if (await edit.ExecuteAsync(updateSql, parameters, uniques) == 0)
        {
            throw Conflict();
        }

        await Organisations.OrganisationGuard.CheckAsync(edit, Entity, id);
        await linkRows();
        var after = await StateAsync(edit, id) ?? throw Conflict();
        if (!SkipsUnchanged || Json(before) != Json(after))
        {
            await edit.RecordAsync("update", Entity, id, before, after);
        }

        return after;
    }

    /// <summary>Runs <paramref name="deleteSql"/> on the row <paramref name="id"/> and records its state before.</summary>
    public Task DeleteAsync(AuditedEdit edit, object id, string deleteSql, object parameters) =>
        DeleteAsync(edit, id, deleteSql, parameters, before => before);

    /// <summary>
    /// As the other overload, recording <paramref name="recorded"/> of the state before: the row and what went with it
    /// (the mål a deleted målområde took along).
    /// </summary>
    public async Task DeleteAsync(AuditedEdit edit, object id, string deleteSql, object parameters, Func<TState, object> recorded)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(recorded);
        var before = await StateAsync(edit, id) ?? throw Conflict();
        await Organisations.OrganisationGuard.CheckAsync(edit, Entity, id);
        if (await edit.ExecuteAsync(deleteSql, parameters) == 0)
        {
            throw Conflict();
        }

        await edit.RecordAsync("delete", Entity, id, recorded(before), null);
    }

    /// <summary>Someone else changed or removed the row since the form was opened.</summary>
    public EditConflictException Conflict() =>
        new($"{what} har ändrats av någon annan sedan du öppnade den. Ladda om sidan och gör din ändring igen – inget har sparats.");

    static string Json(TState state) => JsonSerializer.Serialize(state);
}
