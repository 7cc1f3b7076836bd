using System.Buffers.Text;
using System.Security.Cryptography;
using Dapper;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Users;

/// <summary>
/// The account behind an open session, as the database says now: who, how they signed in, their roles, and whether
/// they must change a one-time password before anything else, and the organisations (area ids) the account is limited
/// to (none: every organisation, issue 21).
/// </summary>
public sealed record SessionAccount(int UserId, string UserName, string DisplayName, string SignedInWith, IReadOnlyList<UserRole> Roles, bool MustChangePassword = false)
{
    public IReadOnlyList<string> Organisations { get; init; } = [];
}

/// <summary>Why a session ended, as the audit log and <c>user_session.end_reason</c> record it.</summary>
public static class SessionEndReasons
{
    public const string SignedOut = "signed-out";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
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
        await AuditedEdit.RunAsync(dataSource, new Actor(null, remoteIp),
            edit => UserSessionWriter.StartAsync(edit, token, userId, signedInWith, remoteIp, now, now + absoluteLifetime, KeptAfterEnd), cancellationToken);
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
            select s.id, s.user_id, s.signed_in_with, s.last_seen_at, s.expires_at,
                   s.ended_at is not null as ended, u.user_name, u.display_name, u.is_active, u.must_change_password
            from user_session s join app_user u on u.id = s.user_id
            where s.id = @Id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var session = await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(sessionSql, new { Id = UserSessionWriter.Hash(token) }, cancellationToken: cancellationToken));
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
            await AuditedEdit.RunAsync(dataSource, new Actor(session.UserName, null),
                edit => UserSessionWriter.EndExpiredAsync(edit, session.Id, session.UserId, expired, now), cancellationToken);
            return null;
        }

        if (DbTime.Utc(session.LastSeenAt) + TouchInterval <= now)
        {
            await AuditedEdit.RunAsync(dataSource, new Actor(session.UserName, null), edit => UserSessionWriter.TouchAsync(edit, session.Id, now), cancellationToken);
        }

        var roles = await UserQueries.ReadRolesAsync(connection, null, session.UserId, cancellationToken);
        var organisations = await UserQueries.ReadOrganisationsAsync(connection, null, session.UserId, cancellationToken);
        return new SessionAccount(session.UserId, session.UserName, session.DisplayName, session.SignedInWith, roles, session.MustChangePassword)
        {
            Organisations = organisations,
        };
    }

    /// <summary>Ends one session (signing out), audited as done by <paramref name="actor"/>.</summary>
    public Task EndAsync(string token, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(actor);
        return AuditedEdit.RunAsync(dataSource, actor, edit => UserSessionWriter.EndAsync(edit, token, reason), cancellationToken);
    }

    sealed record SessionRow(
        string Id, int UserId, string SignedInWith, DateTime LastSeenAt, DateTime ExpiresAt, bool Ended, string UserName, string DisplayName, bool IsActive,
        bool MustChangePassword);
}
