using Indicators.Core.Editing;

namespace Indicators.Data.Editing;

/// <summary>
/// How one table is written with its audit entries: the entity name the log uses, the query that reads a row's state
/// for the log (one row by <c>@Id</c>) and what the row is called in a Swedish conflict message ("Nämnden"). A table's
/// writer holds one of these and its own insert, update and delete SQL; editors and plan import use that writer alike.
/// </summary>
public sealed class AuditedTable<TState>(string entity, string stateSql, string what)
    where TState : class
{
    public string Entity => entity;

    public Task<TState?> StateAsync(AuditedEdit edit, object id)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return edit.SingleOrDefaultAsync<TState>(stateSql, new { Id = id });
    }

    /// <summary>Runs <paramref name="insertSql"/> (which returns the new row's id) and records the row as created.</summary>
    public async Task<TId> InsertAsync<TId>(AuditedEdit edit, string insertSql, object parameters, params Unique[] uniques)
        where TId : notnull
    {
        ArgumentNullException.ThrowIfNull(edit);
        var id = await edit.ScalarAsync<TId>(insertSql, parameters, uniques) ?? throw new InvalidOperationException($"{insertSql} returned no id.");
        await edit.RecordAsync("create", entity, id, null, await StateAsync(edit, id));
        return id;
    }

    /// <summary>
    /// Runs <paramref name="updateSql"/> on the row <paramref name="id"/> and records its state before and after. An
    /// update guarded by the row version the form was opened with (<c>and xmin::text = @RowVersion</c>) that changes no
    /// row means someone else changed or removed it: <see cref="Conflict"/>. Returns the state after.
    /// </summary>
    public async Task<TState> UpdateAsync(AuditedEdit edit, object id, string updateSql, object parameters, params Unique[] uniques)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var before = await StateAsync(edit, id) ?? throw Conflict();
        if (await edit.ExecuteAsync(updateSql, parameters, uniques) == 0)
        {
            throw Conflict();
        }

        var after = await StateAsync(edit, id) ?? throw Conflict();
        await edit.RecordAsync("update", entity, id, before, after);
        return after;
    }

    /// <summary>Runs <paramref name="deleteSql"/> on the row <paramref name="id"/> and records its state before.</summary>
    public async Task DeleteAsync(AuditedEdit edit, object id, string deleteSql, object parameters)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var before = await StateAsync(edit, id) ?? throw Conflict();
        if (await edit.ExecuteAsync(deleteSql, parameters) == 0)
        {
            throw Conflict();
        }

        await edit.RecordAsync("delete", entity, id, before, null);
    }

    /// <summary>Someone else changed or removed the row since the form was opened.</summary>
    public EditConflictException Conflict() =>
        new($"{what} har ändrats av någon annan sedan du öppnade den. Ladda om sidan och gör din ändring igen – inget har sparats.");
}
