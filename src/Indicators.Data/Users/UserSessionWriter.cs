using System.Security.Cryptography;
using System.Text;
using Indicators.Data.Editing;

namespace Indicators.Data.Users;

/// <summary>
/// The user_session table's writes. Ending sessions is audited with the reason (entity <c>user_session</c>, action
/// <c>end</c>, the user's id, after: reason and how many sessions); starting and touching them is not (the sign-in is).
/// </summary>
static class UserSessionWriter
{
    public static async Task StartAsync(AuditedEdit edit, string token, int userId, string signedInWith, string? remoteIp, DateTimeOffset now, DateTimeOffset expiresAt, TimeSpan keptAfterEnd)
    {
        await edit.ExecuteAsync("""
            insert into user_session (id, user_id, signed_in_with, created_at, last_seen_at, expires_at, remote_ip)
            values (@Id, @UserId, @SignedInWith, @Now, @Now, @ExpiresAt, @RemoteIp)
            """, new { Id = Hash(token), UserId = userId, SignedInWith = signedInWith, Now = now.UtcDateTime, ExpiresAt = expiresAt.UtcDateTime, RemoteIp = remoteIp });
        await edit.ExecuteAsync("delete from user_session where coalesce(ended_at, expires_at) < @Before", new { Before = (now - keptAfterEnd).UtcDateTime });
    }

    /// <summary>Marks an open session as seen at <paramref name="now"/>.</summary>
    public static Task TouchAsync(AuditedEdit edit, string id, DateTimeOffset now) =>
        edit.ExecuteAsync("update user_session set last_seen_at = @Now where id = @Id and ended_at is null", new { Id = id, Now = now.UtcDateTime });

    /// <summary>Ends the session stored as <paramref name="id"/> (a token's hash) if still open, audited on <paramref name="userId"/>.</summary>
    public static async Task EndExpiredAsync(AuditedEdit edit, string id, int userId, string reason, DateTimeOffset now)
    {
        var ended = await edit.ExecuteAsync(
            "update user_session set ended_at = @Now, end_reason = @Reason where id = @Id and ended_at is null",
            new { Id = id, Now = now.UtcDateTime, Reason = reason });
        await AuditEndAsync(edit, userId, reason, ended);
    }

    /// <summary>Ends the session of <paramref name="token"/> if still open (signing out).</summary>
    public static async Task EndAsync(AuditedEdit edit, string token, string reason)
    {
        var userId = await edit.ScalarAsync<int?>(
            "update user_session set ended_at = now(), end_reason = @Reason where id = @Id and ended_at is null returning user_id",
            new { Id = Hash(token), Reason = reason });
        if (userId is { } id)
        {
            await AuditEndAsync(edit, id, reason, 1);
        }
    }

    /// <summary>Ends every open session of a user but <paramref name="keepToken"/>'s (a password change or a deactivation revokes them).</summary>
    public static async Task EndAllAsync(AuditedEdit edit, int userId, string reason, string? keepToken)
    {
        var ended = await edit.ExecuteAsync("""
            update user_session set ended_at = now(), end_reason = @Reason
            where user_id = @UserId and ended_at is null and id is distinct from @Keep
            """, new { UserId = userId, Reason = reason, Keep = keepToken is null ? null : Hash(keepToken) });
        await AuditEndAsync(edit, userId, reason, ended);
    }

    /// <summary>What the table stores for a token: its SHA-256, so the table alone opens no session.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    static Task AuditEndAsync(AuditedEdit edit, int userId, string reason, int sessions) =>
        sessions == 0 ? Task.CompletedTask : edit.RecordAsync("end", "user_session", userId, null, new { reason, sessions });
}
