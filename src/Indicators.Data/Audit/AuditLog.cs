using System.Text.Json;
using Dapper;
using Npgsql;

namespace Indicators.Data.Audit;

/// <summary>One entry of the audit log: who did what to which thing, with the state before and after.</summary>
public sealed record AuditEntry(string? UserName, string Action, string Entity, string? EntityId, object? Before = null, object? After = null, string? RemoteIp = null);

/// <summary>Who makes a change, and from where: the signed-in user's name and the address the request came from.</summary>
public sealed record Actor(string? UserName, string? RemoteIp);

/// <summary>
/// The one way every change is recorded. Written in the caller's transaction, so a change and its entry are
/// committed together or not at all. The table is append-only (a trigger refuses updates and deletes).
/// </summary>
public static class AuditLog
{
    public static Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, AuditEntry entry, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into audit_log (user_name, action, entity, entity_id, before, after, remote_ip)
            values (@UserName, @Action, @Entity, @EntityId, @Before::jsonb, @After::jsonb, @RemoteIp)
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            entry.UserName,
            entry.Action,
            entry.Entity,
            entry.EntityId,
            Before = entry.Before is null ? null : JsonSerializer.Serialize(entry.Before),
            After = entry.After is null ? null : JsonSerializer.Serialize(entry.After),
            entry.RemoteIp,
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records a change by <paramref name="actor"/>: <paramref name="action"/> is "create", "update" or "delete" (or a
    /// verb of the feature's own, such as "run" or "import"); <paramref name="before"/> and <paramref name="after"/> are
    /// the entity's state as records, null where it did not exist.
    /// </summary>
    public static Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Actor actor, string action, string entity, string? entityId,
        object? before, object? after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return WriteAsync(connection, transaction, new AuditEntry(actor.UserName, action, entity, entityId, before, after, actor.RemoteIp), cancellationToken);
    }
}
