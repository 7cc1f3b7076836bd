using System.Globalization;
using Dapper;
using Indicators.Data.Audit;
using Npgsql;

namespace Indicators.Data.Users;

/// <summary>Who the identity provider says signed in. <see cref="Subject"/> is issuer and subject: stable and unique.</summary>
public sealed record ExternalIdentity(string Subject, string UserName, string DisplayName, string? Email);

public enum ExternalSignInOutcome
{
    SignedIn,

    /// <summary>None of the provider's roles maps to a role of ours (or its committee does not exist).</summary>
    NoRole,

    /// <summary>An administrator has deactivated the account.</summary>
    Inactive,

    /// <summary>A local account already has the user name; we never join accounts by name (that would hand it over).</summary>
    NameTaken,

    /// <summary>
    /// A committee code the provider gave names committees of several organisations (and no organisation is configured
    /// to choose between them): refused rather than guessed, since a guess could give one organisation's report to another's nämnd.
    /// </summary>
    AmbiguousCommittee,
}

public sealed record ExternalSignIn(ExternalSignInOutcome Outcome, int? UserId, string UserName, string DisplayName, IReadOnlyList<UserRole> Roles);

/// <summary>
/// Accounts from single sign-on: created on first sign-in, their roles replaced by the provider's on every sign-in
/// (the provider is the authority for them), and every sign-in, refusal and role change audited.
/// </summary>
public sealed class ExternalUserStore(NpgsqlDataSource dataSource)
{
    public const string Source = "oidc";

    /// <summary>
    /// Signs in (or refuses) <paramref name="identity"/> with the roles the provider gave, in one transaction. A Nämnd
    /// role's committee code is looked up among <paramref name="organisation"/>'s committees (an area id) when given, else
    /// among all; a code that names more than one committee refuses the sign-in (<see cref="ExternalSignInOutcome.AmbiguousCommittee"/>).
    /// </summary>
    public async Task<ExternalSignIn> SignInAsync(
        ExternalIdentity identity, IReadOnlyCollection<(string Role, string? CommitteeCode)> roles, string? organisation, string? remoteIp,
        CancellationToken cancellationToken = default)
    {
        const string findSql = """
            select id as Id, user_name as UserName, display_name as DisplayName, password_hash as PasswordHash,
                   failed_sign_ins as FailedSignIns, lockout_end as LockoutEnd, is_active as IsActive
            from app_user where external_subject = @Subject
            for update
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<AppUser>(new CommandDefinition(
            findSql, new { identity.Subject }, transaction, cancellationToken: cancellationToken));
        List<UserRole> resolved;
        try
        {
            resolved = await ResolveCommitteesAsync(connection, transaction, roles, organisation, cancellationToken);
        }
        catch (AmbiguousCommitteeException e)
        {
            // The account keeps the roles it had: nothing is changed on a refusal that names no role for certain.
            return await RefuseAsync(connection, transaction, user?.UserName ?? identity.UserName, user?.Id, ExternalSignInOutcome.AmbiguousCommittee, remoteIp,
                cancellationToken, e.Code);
        }

        if (user is null)
        {
            if (resolved.Count == 0)
            {
                return await RefuseAsync(connection, transaction, identity.UserName, null, ExternalSignInOutcome.NoRole, remoteIp, cancellationToken);
            }

            var taken = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select 1 from app_user where lower(user_name) = lower(@UserName))", new { identity.UserName }, transaction, cancellationToken: cancellationToken));
            if (taken)
            {
                return await RefuseAsync(connection, transaction, identity.UserName, null, ExternalSignInOutcome.NameTaken, remoteIp, cancellationToken);
            }

            user = await CreateAsync(connection, transaction, identity, cancellationToken);
        }
        else
        {
            if (!user.IsActive)
            {
                return await RefuseAsync(connection, transaction, user.UserName, user.Id, ExternalSignInOutcome.Inactive, remoteIp, cancellationToken);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "update app_user set display_name = @DisplayName, email = @Email where id = @Id",
                new { identity.DisplayName, identity.Email, user.Id }, transaction, cancellationToken: cancellationToken));
        }

        await ReplaceRolesAsync(connection, transaction, user, resolved, cancellationToken);
        if (resolved.Count == 0)
        {
            // Roles withdrawn at the provider are withdrawn here too (above), and the sign-in is refused.
            return await RefuseAsync(connection, transaction, user.UserName, user.Id, ExternalSignInOutcome.NoRole, remoteIp, cancellationToken);
        }

        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(user.UserName, "sign-in", "user", Id(user.Id),
            After: new { source = Source, roles = Describe(resolved) }, RemoteIp: remoteIp), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ExternalSignIn(ExternalSignInOutcome.SignedIn, user.Id, user.UserName, identity.DisplayName, resolved);
    }

    static async Task<ExternalSignIn> RefuseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string userName, int? userId, ExternalSignInOutcome outcome, string? remoteIp,
        CancellationToken cancellationToken, string? committeeCode = null)
    {
        var reason = outcome switch
        {
            ExternalSignInOutcome.NoRole => "no-role",
            ExternalSignInOutcome.Inactive => "inactive",
            ExternalSignInOutcome.NameTaken => "name-taken",
            ExternalSignInOutcome.AmbiguousCommittee => "ambiguous-committee",
            _ => outcome.ToString(),
        };
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(userName, "sign-in-failed", "user", userId is { } id ? Id(id) : null,
            After: new { source = Source, reason, committeeCode }, RemoteIp: remoteIp), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ExternalSignIn(outcome, userId, userName, userName, []);
    }

    static async Task<AppUser> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ExternalIdentity identity, CancellationToken cancellationToken)
    {
        // No password hash: the account can only sign in through the provider.
        const string sql = """
            insert into app_user (user_name, display_name, email, external_subject)
            values (@UserName, @DisplayName, @Email, @Subject)
            returning id as Id, user_name as UserName, display_name as DisplayName, password_hash as PasswordHash,
                      failed_sign_ins as FailedSignIns, lockout_end as LockoutEnd, is_active as IsActive
            """;
        var user = await connection.QuerySingleAsync<AppUser>(new CommandDefinition(sql, identity, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(user.UserName, "create", "user", Id(user.Id),
            After: new { userName = user.UserName, displayName = user.DisplayName, source = Source }), cancellationToken);
        return user;
    }

    /// <summary>
    /// The roles whose committee (for Nämnd) exists, by id; a committee code we do not know grants nothing, and one that
    /// names several committees throws <see cref="AmbiguousCommitteeException"/>.
    /// </summary>
    static async Task<List<UserRole>> ResolveCommitteesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<(string Role, string? CommitteeCode)> roles, string? organisation,
        CancellationToken cancellationToken)
    {
        var resolved = new List<UserRole>();
        foreach (var (role, code) in roles.Distinct())
        {
            if (code is null)
            {
                resolved.Add(new UserRole(role, null, null));
                continue;
            }

            var committees = await UserStore.FindCommitteesAsync(connection, transaction, code, organisation, cancellationToken);
            if (committees.Count > 1)
            {
                throw new AmbiguousCommitteeException(code, committees);
            }

            if (committees.Count == 1)
            {
                resolved.Add(new UserRole(role, committees[0].Id, committees[0].Code));
            }
        }

        return [.. resolved.DistinctBy(r => (r.Role, r.CommitteeId)).OrderBy(r => r.Role, StringComparer.Ordinal).ThenBy(r => r.CommitteeId)];
    }

    static async Task ReplaceRolesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AppUser user, List<UserRole> roles, CancellationToken cancellationToken)
    {
        var current = await UserStore.ReadRolesAsync(connection, transaction, user.Id, cancellationToken);
        var before = Describe(current);
        var after = Describe(roles);
        if (before.SequenceEqual(after, StringComparer.Ordinal))
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition("delete from user_role where user_id = @Id", new { user.Id }, transaction, cancellationToken: cancellationToken));
        foreach (var role in roles)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into user_role (user_id, role, committee_id) values (@UserId, @Role, @CommitteeId)",
                new { UserId = user.Id, role.Role, role.CommitteeId }, transaction, cancellationToken: cancellationToken));
        }

        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(Source, "update", "user", Id(user.Id),
            Before: new { roles = before }, After: new { roles = after }), cancellationToken);
    }

    static List<string> Describe(IEnumerable<UserRole> roles) => [.. roles.Select(UserStore.Describe).Order(StringComparer.Ordinal)];

    static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
