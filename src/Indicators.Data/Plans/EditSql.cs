using System.Globalization;
using Dapper;
using Indicators.Core.Editing;
using Npgsql;

namespace Indicators.Data.Plans;

/// <summary>What the plan and committee editors share: ids as audit entity ids, the conflict message, constraint names.</summary>
static class EditSql
{
    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>An update that found no row with the version the form was opened with: someone else changed or removed it.</summary>
    public static EditConflictException Conflict(string what) =>
        new($"{what} har ändrats av någon annan sedan du öppnade den. Ladda om sidan och gör din ändring igen – inget har sparats.");

    /// <summary>
    /// Runs an update guarded by the row version the form was opened with (<c>xmin::text = @RowVersion</c> in
    /// <paramref name="sql"/>): no row updated means someone else changed or removed it (<see cref="Conflict"/>); a clash
    /// with <paramref name="uniqueConstraint"/> becomes the editor's own Swedish message.
    /// </summary>
    public static async Task UpdateAtVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, object parameters, string what,
        string uniqueConstraint, Func<InvalidEditException> duplicate, CancellationToken cancellationToken)
    {
        int rows;
        try
        {
            rows = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (IsUniqueViolation(e, uniqueConstraint))
        {
            throw duplicate();
        }

        if (rows == 0)
        {
            throw Conflict(what);
        }
    }

    public static bool IsUniqueViolation(PostgresException e, string constraint) =>
        e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == constraint;

    public static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? ToDateOnly(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    /// <summary>
    /// A list read as one text joined by chr(31) (string_agg): Dapper cannot pass a text[] column to a record's constructor.
    /// </summary>
    public static string[] Split(string joined) => joined.Length == 0 ? [] : joined.Split('\u001f');

    /// <summary>"1.1, 1.2 och 2.1": a list in a Swedish sentence.</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " och " + items[^1],
    };
}
