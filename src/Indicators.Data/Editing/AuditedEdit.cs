using System.Globalization;
using Dapper;
using Indicators.Core.Editing;
using Indicators.Data.Audit;
using Npgsql;

namespace Indicators.Data.Editing;

/// <summary>
/// One audited change: a connection, a transaction and who makes it. <see cref="RunAsync{T}"/> opens both, runs the
/// change and commits only when it returns, so a change and its audit entries land together or not at all. Writers
/// (<see cref="AuditedTable{TState}"/>) read the state before, write, read the state after and record it here; an
/// editor method is then only its validation and the writers it calls.
/// </summary>
public sealed class AuditedEdit
{
    AuditedEdit(NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, string? action, CancellationToken cancellationToken)
    {
        Connection = connection;
        Transaction = transaction;
        Actor = actor;
        Action = action;
        CancellationToken = cancellationToken;
    }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    public Actor Actor { get; }

    /// <summary>
    /// The audit action every entry of this edit gets instead of "create", "update" or "delete" (plan import records
    /// all of its changes as "import"); null for an ordinary edit.
    /// </summary>
    public string? Action { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The acting account's organisations, read once per edit by <see cref="Organisations.OrganisationGuard"/>.</summary>
    internal Core.Organisations.OrganisationScope? OrganisationScope { get; set; }

    /// <summary>Runs <paramref name="change"/> in a new transaction and commits it when it returns.</summary>
    public static async Task<T> RunAsync<T>(
        NpgsqlDataSource dataSource, Actor actor, Func<AuditedEdit, Task<T>> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await change(new AuditedEdit(connection, transaction, actor, null, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public static Task RunAsync(NpgsqlDataSource dataSource, Actor actor, Func<AuditedEdit, Task> change, CancellationToken cancellationToken = default) =>
        RunAsync(dataSource, actor, async edit =>
        {
            await change(edit);
            return true;
        }, cancellationToken);

    /// <summary>
    /// An edit inside a transaction the caller owns and commits (plan import writes a whole document in one), whose
    /// entries all carry <paramref name="action"/> when it is given.
    /// </summary>
    public static AuditedEdit In(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, string? action = null, CancellationToken cancellationToken = default) =>
        new(connection, transaction, actor, action, cancellationToken);

    /// <summary>
    /// This edit's transaction, recorded as done by <paramref name="actor"/>: for a change one of whose entries names
    /// someone else (a sign-in syncs the account's roles as done by the identity provider).
    /// </summary>
    public AuditedEdit As(Actor actor) => new(Connection, Transaction, actor, Action, CancellationToken);

    public Task<int> ExecuteAsync(string sql, object? parameters = null, params Unique[] uniques) =>
        Translated(() => Connection.ExecuteAsync(Command(sql, parameters)), uniques);

    public Task<T?> ScalarAsync<T>(string sql, object? parameters = null, params Unique[] uniques) =>
        Translated(() => Connection.ExecuteScalarAsync<T>(Command(sql, parameters)), uniques);

    public Task<T?> SingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    public async Task<IReadOnlyList<T>> ListAsync<T>(string sql, object? parameters = null) =>
        (await Connection.QueryAsync<T>(Command(sql, parameters))).AsList();

    /// <summary>Records the change of one thing: <paramref name="before"/> and <paramref name="after"/> are its states, null where it did not exist.</summary>
    public Task RecordAsync(string action, string entity, object? id, object? before, object? after) =>
        AuditLog.WriteAsync(Connection, Transaction, Actor, Action ?? action, entity, AuditId(id), before, after, CancellationToken);

    public static string? AuditId(object? id) => id is null ? null : Convert.ToString(id, CultureInfo.InvariantCulture);

    /// <summary>A row's values (a writer's values record) and its key (id, row version, parent id) as one set of parameters.</summary>
    public static DynamicParameters Parameters(object values, object key)
    {
        var parameters = new DynamicParameters(values);
        parameters.AddDynamicParams(key);
        return parameters;
    }

    /// <summary>
    /// The condition that makes an update or delete land only on the row version the form was opened with
    /// (<c>@RowVersion</c>); none for a null version (plan import, which holds its own lock).
    /// </summary>
    public static string VersionGuard(string? rowVersion) => rowVersion is null ? "" : " and xmin::text = @RowVersion";

    CommandDefinition Command(string sql, object? parameters) => new(sql, parameters, Transaction, cancellationToken: CancellationToken);

    static async Task<T> Translated<T>(Func<Task<T>> write, Unique[] uniques)
    {
        try
        {
            return await write();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && uniques.Any(u => u.Constraint == e.ConstraintName))
        {
            throw uniques.First(u => u.Constraint == e.ConstraintName).Message();
        }
    }
}

/// <summary>A unique constraint and the editor's Swedish message for a clash with it.</summary>
public sealed record Unique(string Constraint, Func<InvalidEditException> Message);
