using System.Text.Json;
using Dapper;
using Npgsql;

namespace Indicators.Data.Audit;

/// <summary>One entry of the audit log: who did what to which thing, with the state before and after.</summary>
public sealed record AuditEntry(string? UserName, string Action, string Entity, string? EntityId, object? Before = null, object? After = null, string? RemoteIp = null);

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
}
