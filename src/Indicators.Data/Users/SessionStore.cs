using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Indicators.Data.Audit;
using Npgsql;

namespace Indicators.Data.Users;

/// <summary>The account behind an open session, as the database says now: who, how they signed in, and their roles.</summary>
public sealed record SessionAccount(int UserId, string UserName, string DisplayName, string SignedInWith, IReadOnlyList<UserRole> Roles);

/// <summary>Why a session ended, as the audit log and <c>user_session.end_reason</c> record it.</summary>
public static class SessionEndReasons
{
    public const string SignedOut = "signed-out";
    public const string PasswordChanged = "password-changed";
    public const string Deactivated = "deactivated";
    public const string IdleTimeout = "idle-timeout";
    public const string AbsoluteLifetime = "absolute-lifetime";
}

/// <summary>
/// Server-side sessions. The sign-in cookie carries a random token; the table keeps only its hash. Every request (and
/// every revalidation of an open interactive page) asks <see cref="CheckAsync"/>, so an ended session, a deactivated
/// account or a changed role is seen on the very next request in every process. Ending sessions is audited with the
/// reason (entity <c>user_session</c>, action <c>end</c>, the user's id).
/// </summary>
public sealed class SessionStore(NpgsqlDataSource dataSource)
{
    /// <summary>Sessions ended or expired this long ago are deleted when new ones start; the audit log keeps the history.</summary>
    public static readonly TimeSpan KeptAfterEnd = TimeSpan.FromDays(30);

    /// <summary>How stale last_seen_at may be before a request writes it again (not every request needs a write).</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>Starts a session of <paramref name="absoluteLifetime"/> at most, and returns the token for the cookie.</summary>
    public async Task<string> StartAsync(
        int userId, string signedInWith, string? remoteIp, DateTimeOffset now, TimeSpan absoluteLifetime, CancellationToken cancellationToken = default)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into user_session (id, user_id, signed_in_with, created_at, last_seen_at, expires_at, remote_ip)
            values (@Id, @UserId, @SignedInWith, @Now, @Now, @ExpiresAt, @RemoteIp)
            """, new { Id = Hash(token), UserId = userId, SignedInWith = signedInWith, Now = now.UtcDateTime, ExpiresAt = (now + absoluteLifetime).UtcDateTime, RemoteIp = remoteIp },
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from user_session where coalesce(ended_at, expires_at) < @Before", new { Before = (now - KeptAfterEnd).UtcDateTime }, cancellationToken: cancellationToken));
        return token;
    }

    /// <summary>
    /// The account of an open session, or null when the session has ended, its account is inactive, it has outlived its
    /// absolute lifetime or (with <paramref name="idleTimeout"/>) been unused for longer. An expired session is ended
    /// here, with its reason, audited. A valid one is marked as seen now (at most once per <see cref="TouchInterval"/>).
    /// </summary>
    public async Task<SessionAccount?> CheckAsync(string token, DateTimeOffset now, TimeSpan? idleTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        const string sessionSql = """
            select s.id as Id, s.user_id as UserId, s.signed_in_with as SignedInWith, s.last_seen_at as LastSeenAt, s.expires_at as ExpiresAt,
                   s.ended_at is not null as Ended, u.user_name as UserName, u.display_name as DisplayName, u.is_active as IsActive
            from user_session s join app_user u on u.id = s.user_id
            where s.id = @Id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var session = await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(sessionSql, new { Id = Hash(token) }, cancellationToken: cancellationToken));
        if (session is null || session.Ended)
        {
            return null;
        }

        var expired = !session.IsActive ? SessionEndReasons.Deactivated
            : DbTime.Utc(session.ExpiresAt) <= now ? SessionEndReasons.AbsoluteLifetime
            : idleTimeout is { } idle && DbTime.Utc(session.LastSeenAt) + idle <= now ? SessionEndReasons.IdleTimeout
            : null;
        if (expired is not null)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var ended = await connection.ExecuteAsync(new CommandDefinition(
                "update user_session set ended_at = @Now, end_reason = @Reason where id = @Id and ended_at is null",
                new { session.Id, Now = now.UtcDateTime, Reason = expired }, transaction, cancellationToken: cancellationToken));
            if (ended > 0)
            {
                await AuditEndAsync(connection, transaction, new Actor(session.UserName, null), session.UserId, expired, ended, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        if (DbTime.Utc(session.LastSeenAt) + TouchInterval <= now)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "update user_session set last_seen_at = @Now where id = @Id and ended_at is null", new { session.Id, Now = now.UtcDateTime }, cancellationToken: cancellationToken));
        }

        var roles = await UserStore.ReadRolesAsync(connection, null, session.UserId, cancellationToken);
        return new SessionAccount(session.UserId, session.UserName, session.DisplayName, session.SignedInWith, roles);
    }

    /// <summary>Ends one session (signing out), audited as done by <paramref name="actor"/>.</summary>
    public async Task EndAsync(string token, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(actor);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var userId = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "update user_session set ended_at = now(), end_reason = @Reason where id = @Id and ended_at is null returning user_id",
            new { Id = Hash(token), Reason = reason }, transaction, cancellationToken: cancellationToken));
        if (userId is { } id)
        {
            await AuditEndAsync(connection, transaction, actor, id, reason, 1, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Ends every open session of a user but <paramref name="keepToken"/>'s, in the caller's transaction (a password
    /// change or a deactivation and the end of the sessions it revokes commit together). Audited when any ended.
    /// </summary>
    internal static async Task<int> EndAllAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int userId, string reason, string? keepToken, Actor actor, CancellationToken cancellationToken)
    {
        var ended = await connection.ExecuteAsync(new CommandDefinition("""
            update user_session set ended_at = now(), end_reason = @Reason
            where user_id = @UserId and ended_at is null and id is distinct from @Keep
            """, new { UserId = userId, Reason = reason, Keep = keepToken is null ? null : Hash(keepToken) }, transaction, cancellationToken: cancellationToken));
        if (ended > 0)
        {
            await AuditEndAsync(connection, transaction, actor, userId, reason, ended, cancellationToken);
        }

        return ended;
    }

    static Task AuditEndAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, int userId, string reason, int sessions, CancellationToken cancellationToken) =>
        AuditLog.WriteAsync(connection, transaction, actor, "end", "user_session", userId.ToString(CultureInfo.InvariantCulture), null,
            new { reason, sessions }, cancellationToken);

    /// <summary>What the table stores for a token: its SHA-256, so the table alone opens no session.</summary>
    static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    sealed record SessionRow(string Id, int UserId, string SignedInWith, DateTime LastSeenAt, DateTime ExpiresAt, bool Ended, string UserName, string DisplayName, bool IsActive);
}
